//! A mock of the Scenario API that follows `../shared/scenario-api.md` exactly, plus a "CDN"
//! on its own port that serves results by signed, expiring URLs and refuses `Authorization`.
//!
//! Used in-process by the end-to-end tests and by hand (`cargo run -p angleshot-mock -- --port
//! 9000`) so anyone can use the app without a real key.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use angleshot_mock::{MockOptions, MockServer};
//! let mock = MockServer::start(MockOptions::default()).await?;
//! println!("point the app at {}", mock.api_base());
//! mock.set_knobs(|k| k.job_duration_ms = 500);
//! # Ok(()) }
//! ```

mod cdn;
pub mod client;
mod control;
pub mod elsewhere;
mod handler;
pub mod image_info;
pub mod knobs;
pub mod models;
mod routes;
pub mod store;
pub mod time;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use handler::MAX_UPLOAD_BYTES;

/// The seed model as the mock describes it.
pub fn model_description() -> serde_json::Value {
    models::MockModel::Multiangle.description()
}
pub use knobs::{Fault, FaultKind, Knobs};
pub use store::{RecordedRequest, Store};

/// The one model the mock serves.
pub const MODEL_ID: &str = "model_qwen-edit-multiangle";
/// Default credentials: the README tells artists to type these when trying the mock.
pub const DEFAULT_KEY: &str = "test-key";
pub const DEFAULT_SECRET: &str = "test-secret";

/// How to start a mock.
#[derive(Debug, Clone)]
pub struct MockOptions {
    /// Address to listen on; loopback only by default.
    pub host: [u8; 4],
    /// API port; 0 picks a free one.
    pub api_port: u16,
    /// CDN port; 0 picks a free one.
    pub cdn_port: u16,
    pub api_key: String,
    pub api_secret: String,
    pub knobs: Knobs,
}

impl Default for MockOptions {
    fn default() -> Self {
        MockOptions {
            host: [127, 0, 0, 1],
            api_port: 0,
            cdn_port: 0,
            api_key: DEFAULT_KEY.to_string(),
            api_secret: DEFAULT_SECRET.to_string(),
            knobs: Knobs::default(),
        }
    }
}

/// State shared by the handlers.
#[derive(Debug)]
pub struct Shared {
    pub api_key: String,
    pub api_secret: String,
    /// `http://127.0.0.1:<cdn port>`, the prefix of every signed URL.
    pub cdn_base: String,
    store: Mutex<Store>,
}

impl Shared {
    /// Runs `f` with the store locked (a poisoned lock is still usable: the data is plain).
    pub fn with<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let mut guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// A running mock; both servers stop when it is dropped.
pub struct MockServer {
    pub api_addr: SocketAddr,
    pub cdn_addr: SocketAddr,
    shared: Arc<Shared>,
    tasks: Vec<JoinHandle<()>>,
}

impl MockServer {
    /// Binds both ports and starts serving.
    pub async fn start(options: MockOptions) -> std::io::Result<MockServer> {
        let api_listener =
            TcpListener::bind(SocketAddr::from((options.host, options.api_port))).await?;
        let cdn_listener =
            TcpListener::bind(SocketAddr::from((options.host, options.cdn_port))).await?;
        let api_addr = api_listener.local_addr()?;
        let cdn_addr = cdn_listener.local_addr()?;
        let shared = Arc::new(Shared {
            api_key: options.api_key,
            api_secret: options.api_secret,
            cdn_base: format!("http://{cdn_addr}"),
            store: Mutex::new(Store::new(options.knobs, time::now_ms())),
        });
        let api_app = routes::api(shared.clone());
        let cdn_app = routes::cdn(shared.clone());
        let tasks = vec![
            tokio::spawn(async move {
                let _ = axum::serve(api_listener, api_app).await;
            }),
            tokio::spawn(async move {
                let _ = axum::serve(cdn_listener, cdn_app).await;
            }),
        ];
        Ok(MockServer {
            api_addr,
            cdn_addr,
            shared,
            tasks,
        })
    }

    /// The base URL to give the app: `http://127.0.0.1:<port>/v1`.
    pub fn api_base(&self) -> String {
        format!("http://{}/v1", self.api_addr)
    }

    /// Changes knobs in place.
    pub fn set_knobs(&self, change: impl FnOnce(&mut Knobs)) {
        self.shared.with(|store| {
            change(&mut store.knobs);
            store.reseed();
        });
    }

    /// Every request both servers received, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.with(|store| store.records.clone())
    }

    /// The generate POSTs received (dry runs excluded), in arrival order.
    pub fn generate_posts(&self) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| {
                r.method == "POST"
                    && r.path.contains("/generate/")
                    && !r.query.contains("dryRun=true")
            })
            .collect()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.shared.with(|store| store.records.clear());
    }

    /// Jobs and assets made "elsewhere" (`/__control/elsewhere`'s body; see
    /// [`elsewhere`]); answers their ids. Panics on a body it cannot use: tests only.
    pub fn seed_elsewhere(&self, body: serde_json::Value) -> serde_json::Value {
        let serde_json::Value::Object(body) = body else {
            panic!("the elsewhere body must be an object");
        };
        self.shared
            .with(|store| elsewhere::seed(store, &body))
            .unwrap_or_else(|reason| panic!("seed_elsewhere: {reason}"))
    }

    /// Direct access to the state, for assertions the HTTP surface does not offer.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        self.shared.with(f)
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}
