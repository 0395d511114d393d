//! Pulls "you said, we did" into the device database: what changed since the cursor kept with the last
//! pull, applied with the new cursor in one transaction. A cursor the server refuses (any 4xx) means start
//! over: everything is fetched again and what the device held is replaced. No UI.

use crate::storage::Store;
use crate::sync::http::{self, NetError};

/// One pull. `Ok(true)` when something was added, replaced or removed (the screen reads the store again).
pub async fn pull(store: &Store) -> Result<bool, NetError> {
    let cursor = store.feed_cursor().await.ok().flatten();
    let (feed, from_start) = match http::fetch_feed(cursor.as_deref()).await {
        Err(NetError::Status(status)) if cursor.is_some() && (400..500).contains(&status) => {
            (http::fetch_feed(None).await?, true)
        }
        answer => (answer?, cursor.is_none()),
    };
    let changed = from_start || !feed.items.is_empty() || !feed.withdrawn.is_empty();
    store.apply_feed(&feed, from_start).await.map_err(|_| NetError::Unreadable("storage"))?;
    Ok(changed)
}
