//! The "You said, we did" sheet of the XLSX export: every published response, newest first, with its
//! progress and texts in both languages and its dated updates, for the Corporate Parenting Panel.

use sqlx::AnyConnection;
use yoursay_core::you_said::{Progress, ResponseState, ResponseText};

use super::labels;
use crate::clock::iso_utc;
use crate::store::responses as store;

pub const SHEET: &str = "You said, we did";

pub const HEADER: [&str; 13] = [
    "published_at",
    "progress",
    "progress_en",
    "progress_cy",
    "you_said_en",
    "you_said_cy",
    "we_did_en",
    "we_did_cy",
    "promises",
    "services",
    "events",
    "updates_en",
    "updates_cy",
];

pub async fn rows(conn: &mut AnyConnection) -> anyhow::Result<Vec<[String; 13]>> {
    let mut out = Vec::new();
    for stored in store::all(conn).await? {
        if ResponseState::parse(&stored.state) != Some(ResponseState::Published) {
            continue;
        }
        let text: ResponseText = serde_json::from_str(&stored.body)?;
        let updates = store::updates(conn, &stored.id).await?;
        let timeline = |english: bool| -> String {
            updates
                .iter()
                .map(|u| {
                    let words = Progress::parse(&u.progress).map(labels::progress).unwrap_or(["", ""]);
                    let (word, text) = if english { (words[0], &u.text_en) } else { (words[1], &u.text_cy) };
                    format!("{}: {word}. {text}", &iso_utc(u.at)[..10])
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let [progress_en, progress_cy] = labels::progress(text.progress);
        out.push([
            stored.published_at.map(iso_utc).unwrap_or_default(),
            text.progress.code().to_owned(),
            progress_en.to_owned(),
            progress_cy.to_owned(),
            text.you_said.en,
            text.you_said.cy,
            text.we_did.en,
            text.we_did.cy,
            text.promises.join("; "),
            text.services.join("; "),
            text.events.join("; "),
            timeline(true),
            timeline(false),
        ]);
    }
    Ok(out)
}
