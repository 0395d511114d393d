//! Storing what devices push. One writer task takes every batch waiting at that moment and stores them in
//! one transaction with one commit: on SQLite the commit's wait for the disk (`synchronous=FULL`) is the
//! cost that matters, so four devices pushing at once share it instead of queueing for one each.
//!
//! The writer keeps one connection of the pool for as long as it works. A SQLite connection keeps the
//! pages it read only while no other connection has written: taking the pool's connections in turn, every
//! commit found its cache stale and read the tables' pages from the file again (perf: `pread` fell from 8%
//! to 4% of the writer's samples with one connection kept; ingest ÷ raw SQLite from about 0.56 to 0.61).
//! The pool keeps its other connections for everything else; after an error the writer lets its
//! connection go and takes another.
//!
//! On SQLite, the log its commits write is copied into the database file by a task beside it
//! (`checkpoints.rs`), not by the commits themselves.

use std::collections::HashSet;

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Connection, Transaction};
use tokio::sync::{mpsc, oneshot};

use crate::checkpoints::Checkpoints;
use crate::clock::now_ms;
use crate::db::Backend;
use crate::store::entries::{insert_new, NewEntry};

/// At most this many batches share one transaction (50 entries each).
const MAX_BATCHES_PER_COMMIT: usize = 16;

/// A handle on the writer task; cheap to clone.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Batch>,
}

struct Batch {
    entries: Vec<NewEntry>,
    /// The ids this batch added, or why nothing was stored.
    reply: oneshot::Sender<Result<HashSet<String>, String>>,
}

impl Writer {
    pub fn start(pool: AnyPool, backend: Backend) -> Self {
        let (queue, waiting) = mpsc::channel(64);
        let checkpoints = (backend == Backend::Sqlite).then(|| Checkpoints::start(pool.clone()));
        tokio::spawn(write_batches(pool, backend, checkpoints, waiting));
        Writer { queue }
    }

    /// Stores the entries (their ids distinct) unless already stored; returns the ids this call added. Only
    /// returns once they are committed: either all of them are stored or, on an error, none are.
    pub async fn store(&self, entries: Vec<NewEntry>) -> anyhow::Result<HashSet<String>> {
        if entries.is_empty() {
            return Ok(HashSet::new());
        }
        let (reply, answer) = oneshot::channel();
        self.queue.send(Batch { entries, reply }).await.map_err(|_| anyhow::anyhow!("the writer has stopped"))?;
        answer.await?.map_err(|e| anyhow::anyhow!("storing the batch failed: {e}"))
    }
}

async fn write_batches(
    pool: AnyPool,
    backend: Backend,
    checkpoints: Option<Checkpoints>,
    mut waiting: mpsc::Receiver<Batch>,
) {
    let mut kept: Option<PoolConnection<Any>> = None;
    while let Some(first) = waiting.recv().await {
        let mut batches = vec![first];
        while batches.len() < MAX_BATCHES_PER_COMMIT {
            match waiting.try_recv() {
                Ok(next) => batches.push(next),
                Err(_) => break,
            }
        }
        // Two batches may carry the same entry (a device re-sending while its first try is still in
        // flight): it is stored once, and the earlier batch is the one told `accepted`.
        let mut seen = HashSet::new();
        let unique: Vec<&NewEntry> =
            batches.iter().flat_map(|b| &b.entries).filter(|e| seen.insert(e.entry.id.as_str())).collect();
        let connection = match kept.take() {
            Some(connection) => Ok(connection),
            None => pool.acquire().await,
        };
        // After an error the connection is let go (it may be the cause): the next group takes another.
        let stored = match connection {
            Ok(mut connection) => {
                if let Some(checkpoints) = &checkpoints {
                    checkpoints.keep_log_short(&mut connection).await;
                }
                let added = store(&mut connection, backend, &unique).await;
                if added.is_ok() {
                    kept = Some(connection);
                }
                added
            }
            Err(e) => Err(e),
        };
        match stored {
            Ok(mut added) => {
                for batch in batches {
                    let mine: HashSet<String> =
                        batch.entries.iter().filter_map(|e| added.take(e.entry.id.as_str())).collect();
                    let _ = batch.reply.send(Ok(mine));
                }
                if let Some(checkpoints) = &checkpoints {
                    checkpoints.committed();
                }
            }
            Err(e) => {
                tracing::error!(error = %e, batches = batches.len(), "could not store a group of batches");
                for batch in batches {
                    let _ = batch.reply.send(Err(e.to_string()));
                }
            }
        }
    }
}

async fn store(
    connection: &mut PoolConnection<Any>,
    backend: Backend,
    entries: &[&NewEntry],
) -> sqlx::Result<HashSet<String>> {
    let mut tx = begin_write(connection, backend).await?;
    crate::db::lock_shared_for_transaction(&mut tx, crate::db::ERASE_LOCK).await?;
    let added = insert_new(&mut tx, entries, now_ms()).await?;
    crate::failpoint::stop_here(crate::failpoint::PUSH_BEFORE_COMMIT).await;
    tx.commit().await?;
    Ok(added)
}

/// A transaction holding the write lock from its first statement (SQLite `BEGIN IMMEDIATE`), so it never
/// has to give up half-way because another writer (an officer's change) got there first.
async fn begin_write(
    connection: &mut PoolConnection<Any>,
    backend: Backend,
) -> sqlx::Result<Transaction<'_, sqlx::Any>> {
    match backend {
        Backend::Sqlite => connection.begin_with("BEGIN IMMEDIATE").await,
        Backend::Postgres => connection.begin().await,
    }
}
