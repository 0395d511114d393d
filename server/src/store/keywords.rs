use sqlx::{AnyConnection, AnyPool, Row};

use crate::risk::RiskWords;

pub async fn load(pool: &AnyPool) -> sqlx::Result<RiskWords> {
    let rows = sqlx::query("SELECT language, word FROM risk_keywords ORDER BY language, word").fetch_all(pool).await?;
    let mut words = RiskWords::default();
    for row in rows {
        let language: String = row.try_get(0)?;
        let word: String = row.try_get(1)?;
        if language == "cy" {
            words.cy.push(word)
        } else {
            words.en.push(word)
        }
    }
    Ok(words)
}

pub async fn replace(conn: &mut AnyConnection, words: &RiskWords) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM risk_keywords").execute(&mut *conn).await?;
    for (language, list) in [("en", &words.en), ("cy", &words.cy)] {
        for word in list {
            sqlx::query("INSERT INTO risk_keywords (language, word) VALUES ($1, $2)")
                .bind(language)
                .bind(word)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// The first start gets the default list; after that the list is the officer's, even if they empty it.
pub async fn seed_if_never_set(pool: &AnyPool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    if super::settings::get(&mut tx, "risk_keywords_seeded").await?.is_some() {
        return Ok(());
    }
    replace(&mut tx, &RiskWords::default_list().normalised()).await?;
    super::settings::set(&mut tx, "risk_keywords_seeded", "1").await?;
    tx.commit().await
}
