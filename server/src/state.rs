//! What every request handler shares: the database, the configuration, the sign-in throttle, and the
//! catalogue and risk words held in memory so a device's push does not read them from the database, and
//! the writer that stores pushed entries.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use sqlx::AnyPool;
use tokio::sync::Mutex;
use yoursay_core::Catalogue;

use crate::db::Backend;
use crate::ingest::Writer;
use crate::officer::throttle::Throttle;
use crate::published_forms::PublishedForms;
use crate::risk::RiskWords;
use crate::routes::preload::Preloads;
use crate::startup::Config;
use crate::store;

#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    pub backend: Backend,
    pub app_dir: Arc<PathBuf>,
    /// The `Link` header of each page of the app, read from the pages when the server starts.
    pub preloads: Arc<Preloads>,
    pub config: Arc<Config>,
    pub throttle: Arc<Throttle>,
    catalogue: Arc<Held<Catalogue>>,
    risk_words: Arc<Held<RiskWords>>,
    /// Stores devices' batches, several to a commit.
    pub ingest: Writer,
    /// Every published version of every form that answers have named so far.
    pub published_forms: Arc<PublishedForms>,
}

impl AppState {
    /// Reads the catalogue and risk words once; handlers that change them call the `refresh_` methods.
    pub async fn load(pool: AnyPool, backend: Backend, config: Config) -> sqlx::Result<Self> {
        let catalogue = store::catalogue::load(&pool).await?;
        let risk_words = store::keywords::load(&pool).await?;
        Ok(AppState {
            ingest: Writer::start(pool.clone(), backend),
            pool,
            backend,
            app_dir: Arc::new(config.app_dir.clone()),
            preloads: Arc::new(Preloads::read(&config.app_dir)),
            config: Arc::new(config),
            throttle: Arc::default(),
            catalogue: Arc::new(Held::new(catalogue)),
            risk_words: Arc::new(Held::new(risk_words)),
            published_forms: Arc::default(),
        })
    }

    pub fn catalogue(&self) -> Arc<Catalogue> {
        self.catalogue.get()
    }

    pub fn risk_words(&self) -> Arc<RiskWords> {
        self.risk_words.get()
    }

    /// Call after committing a catalogue change.
    pub async fn refresh_catalogue(&self) -> sqlx::Result<Arc<Catalogue>> {
        let _one_at_a_time = self.catalogue.refreshing.lock().await;
        let fresh = Arc::new(store::catalogue::load(&self.pool).await?);
        self.catalogue.set(fresh.clone());
        Ok(fresh)
    }

    /// Call after committing a change to the risk words.
    pub async fn refresh_risk_words(&self) -> sqlx::Result<Arc<RiskWords>> {
        let _one_at_a_time = self.risk_words.refreshing.lock().await;
        let fresh = Arc::new(store::keywords::load(&self.pool).await?);
        self.risk_words.set(fresh.clone());
        Ok(fresh)
    }
}

/// A value read from the database and kept until it changes. Readers take a cheap snapshot; a refresh
/// reads and swaps under `refreshing`, so the last refresh to finish always read the latest commit.
struct Held<T> {
    value: RwLock<Arc<T>>,
    refreshing: Mutex<()>,
}

impl<T> Held<T> {
    fn new(value: T) -> Self {
        Held { value: RwLock::new(Arc::new(value)), refreshing: Mutex::new(()) }
    }

    fn get(&self) -> Arc<T> {
        self.value.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    fn set(&self, value: Arc<T>) {
        *self.value.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = value;
    }
}
