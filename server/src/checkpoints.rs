//! SQLite's write-ahead log copied back into the database file by a task of its own, beside the writer,
//! rather than by whichever commit crossed SQLite's threshold.
//!
//! With SQLite's automatic checkpoint (every 1,000 pages of log), about one batch in three waited, after
//! its own commit, for a checkpoint: the pages of the last few commits written into the database file and
//! that file synced. A batch of 50 entries changes about 330 pages (the rows and every index), so the
//! device waited for that work most of the time. Here every connection has `wal_autocheckpoint = 0`
//! (`db::connect`); the writer answers as soon as its commit is in the log, and wakes this task, which
//! copies while the device sends its next batch. Durability is unchanged: `synchronous = FULL` syncs the
//! log at every commit, which is what lets the server's yes survive a power cut; a checkpoint only moves
//! pages that are already safe.
//!
//! The log is kept short. SQLite starts it again from the top only at a write that begins after a pass has
//! copied all of it; under a device's long push the task's pass is still copying when the writer begins
//! again, so on its own the log would only grow (to 195 MB in one bench run). So once the log is longer
//! than [`MAX_LOG_PAGES`], the writer, before its next transaction, runs a pass of its own, which copies
//! everything (nothing else writes meanwhile), and its transaction then starts the log again. (A read
//! still open on an older state, such as a long export, holds any pass back: the log then waits for it to
//! end, as it would with SQLite's own checkpoints.)

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::{AnyConnection, AnyPool, Row};
use tokio::sync::{mpsc, Mutex};

/// How long the log may grow (pages of 4 KiB: 16 MiB) before the writer waits for it to be copied.
pub const MAX_LOG_PAGES: i64 = 4096;

/// Writes that are not devices' pushes (an officer's change, retention) wake no one: a pass runs at least
/// this often, and copies nothing when there is nothing to copy.
const IDLE_PASS: Duration = Duration::from_secs(30);

/// The writer's handle: tells the task about commits, and keeps the log short.
pub struct Checkpoints {
    shared: Arc<Shared>,
    committed: mpsc::Sender<()>,
}

struct Shared {
    /// SQLite lets one checkpoint run at a time: the task's passes and the writer's take turns.
    pass: Mutex<()>,
    /// Pages in the log at the last pass: how far it reaches into its file. A pass of the task that copied
    /// them all still counts them, since the writer has usually written more by the time it begins again;
    /// the writer's own pass counts 0 when it copied them all, since its transaction starts the log again.
    log_pages: AtomicI64,
}

impl Checkpoints {
    /// Starts the task, which ends when this handle is dropped (with the writer).
    pub fn start(pool: AnyPool) -> Self {
        let shared = Arc::new(Shared { pass: Mutex::new(()), log_pages: AtomicI64::new(0) });
        // One waiting wake-up is enough: a pass copies everything committed before it starts.
        let (committed, wakes) = mpsc::channel(1);
        tokio::spawn(copy_in_background(pool, shared.clone(), wakes));
        Checkpoints { shared, committed }
    }

    /// After each commit of the writer.
    pub fn committed(&self) {
        let _ = self.committed.try_send(());
    }

    /// Before the writer's transaction: copies the whole log on the writer's connection if it has grown
    /// past [`MAX_LOG_PAGES`], so that this transaction starts it again.
    pub async fn keep_log_short(&self, connection: &mut AnyConnection) {
        if self.shared.log_pages.load(Ordering::Relaxed) <= MAX_LOG_PAGES {
            return;
        }
        match self.shared.pass(connection).await {
            Ok(Pass { log, copied }) => {
                self.shared.log_pages.store(if copied >= log { 0 } else { log }, Ordering::Relaxed)
            }
            Err(e) => tracing::warn!(error = %e, "could not copy the write-ahead log into the database"),
        }
    }
}

/// What one pass found: pages in the log, and how many of them are now in the database file.
struct Pass {
    log: i64,
    copied: i64,
}

impl Shared {
    async fn pass(&self, connection: &mut AnyConnection) -> sqlx::Result<Pass> {
        let _one_at_a_time = self.pass.lock().await;
        // PASSIVE waits for no reader or writer: it copies what no reader still needs from the log.
        let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&mut *connection).await?;
        Ok(Pass { log: row.try_get(1)?, copied: row.try_get(2)? })
    }
}

async fn copy_in_background(pool: AnyPool, shared: Arc<Shared>, mut committed: mpsc::Receiver<()>) {
    loop {
        // Woken by a commit, or the idle time passed; no handle left means the writer has stopped.
        if let Ok(None) = tokio::time::timeout(IDLE_PASS, committed.recv()).await {
            return;
        }
        let pass = match pool.acquire().await {
            Ok(mut connection) => shared.pass(&mut connection).await,
            Err(e) => Err(e),
        };
        match pass {
            Ok(Pass { log, .. }) => shared.log_pages.store(log, Ordering::Relaxed),
            Err(e) => tracing::warn!(error = %e, "could not copy the write-ahead log into the database"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages in the log as the last pass counted them (0 after the writer's own pass copied them all).
    fn counted(checkpoints: &Checkpoints) -> i64 {
        checkpoints.shared.log_pages.load(Ordering::Relaxed)
    }

    /// Pages in the log now (a pass reports them).
    async fn log_length(connection: &mut AnyConnection) -> i64 {
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&mut *connection).await.unwrap().try_get(1).unwrap()
    }

    /// The case a writer that never pauses makes: the copying cannot keep up (here an officer's long read
    /// holds it back), the log passes its limit, and on its own SQLite would keep it growing, since it
    /// starts the log again only after a pass that copied all of it. Before its next transaction the writer
    /// has it copied whole, and that transaction starts the log again from the top.
    #[tokio::test]
    async fn a_log_past_its_limit_is_copied_whole_before_the_writers_next_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("log.sqlite3").display());
        let pool = crate::db::connect(&url).await.unwrap();
        let checkpoints = Checkpoints::start(pool.clone());
        let mut writer = pool.acquire().await.unwrap();
        sqlx::query("CREATE TABLE filler (b BLOB)").execute(&mut *writer).await.unwrap();

        let mut reader = pool.acquire().await.unwrap();
        sqlx::query("BEGIN").execute(&mut *reader).await.unwrap();
        sqlx::query("SELECT COUNT(*) FROM entries").fetch_one(&mut *reader).await.unwrap();
        // About a page a row: the log ends well past its limit.
        for _ in 0..5 {
            sqlx::query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
                 INSERT INTO filler SELECT zeroblob(3000) FROM n",
            )
            .bind((MAX_LOG_PAGES + 1_000) / 5)
            .execute(&mut *writer)
            .await
            .unwrap();
        }
        // The task's pass: the read holds it back, so it copies nothing.
        checkpoints.committed();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while counted(&checkpoints) <= MAX_LOG_PAGES {
            assert!(std::time::Instant::now() < deadline, "the task's pass counts the log's pages");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        sqlx::query("COMMIT").execute(&mut *reader).await.unwrap();

        checkpoints.keep_log_short(&mut writer).await;
        sqlx::query("INSERT INTO filler VALUES (zeroblob(10))").execute(&mut *writer).await.unwrap();
        let log = log_length(&mut writer).await;
        assert!(log < 10, "the log should have started again from the top, but holds {log} pages");
        assert_eq!(counted(&checkpoints), 0);
    }

    /// A writer that never pauses, as under a device's long push: each commit wakes the task, whose pass
    /// is still copying when the next transaction begins, so on its own the log would never start again.
    /// The log's file stays near its limit: past it by the commits made while one pass copies, since the
    /// writer knows the log's length as the last pass counted it. (Counting a log the task's pass had
    /// copied whole as short, as a first version did, let it reach 126 MB here.)
    #[tokio::test]
    async fn the_log_stays_short_under_a_writer_that_never_pauses() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.sqlite3");
        let pool = crate::db::connect(&format!("sqlite://{}?mode=rwc", file.display())).await.unwrap();
        let checkpoints = Checkpoints::start(pool.clone());
        let mut writer = pool.acquire().await.unwrap();
        sqlx::query("CREATE TABLE filler (b BLOB)").execute(&mut *writer).await.unwrap();
        let log_file = dir.path().join("log.sqlite3-wal");
        let mut longest = 0;
        for _ in 0..100 {
            checkpoints.keep_log_short(&mut writer).await;
            sqlx::query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) \
                 INSERT INTO filler SELECT zeroblob(3000) FROM n",
            )
            .execute(&mut *writer)
            .await
            .unwrap();
            checkpoints.committed();
            longest = longest.max(std::fs::metadata(&log_file).unwrap().len());
        }
        let bound = 3 * MAX_LOG_PAGES as u64 * (4096 + 24);
        assert!(longest <= bound, "the log's file grew to {longest} bytes (bound {bound})");
    }
}
