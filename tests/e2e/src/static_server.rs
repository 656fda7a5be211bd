//! A plain static file server for `dist/`, at `/` or under a sub-path, as any static host
//! would serve it.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

/// Serves `app` on a free loopback port until the returned task is aborted.
pub async fn serve_on_loopback(app: Router) -> (SocketAddr, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, task)
}

/// A running static server; stops when dropped.
pub struct StaticServer {
    pub addr: SocketAddr,
    mount: String,
    task: JoinHandle<()>,
}

/// How a [`StaticServer`] serves, beyond its files.
#[derive(Clone, Copy, Debug, Default)]
pub struct ServeOptions {
    /// Each `.wasm` response waits this long first: a slow network, for what the page does
    /// before the app runs.
    pub wasm_delay: Duration,
}

impl StaticServer {
    /// Serves `dir` under `mount` (`"/"` or e.g. `"/tools/angleshot/"`).
    pub async fn start(dir: &Path, mount: &str) -> StaticServer {
        StaticServer::start_with(dir, mount, ServeOptions::default()).await
    }

    /// As [`StaticServer::start`], served as `options` say.
    pub async fn start_with(dir: &Path, mount: &str, options: ServeOptions) -> StaticServer {
        let files = ServeDir::new(dir).append_index_html_on_directories(true);
        let trimmed = mount.trim_end_matches('/');
        let app = if trimmed.is_empty() {
            Router::new().fallback_service(files)
        } else {
            Router::new().nest_service(trimmed, files)
        }
        // No kept-alive connections: once this server is dropped, nothing answers any more
        // (the offline test relies on it).
        .layer(axum::middleware::map_response(
            |mut response: axum::response::Response| async move {
                response.headers_mut().insert(
                    axum::http::header::CONNECTION,
                    axum::http::HeaderValue::from_static("close"),
                );
                response
            },
        ))
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| async move {
                if request.uri().path().ends_with(".wasm") {
                    tokio::time::sleep(options.wasm_delay).await;
                }
                next.run(request).await
            },
        ));
        let (addr, task) = serve_on_loopback(app).await;
        StaticServer {
            addr,
            mount: format!("{trimmed}/"),
            task,
        }
    }

    /// The app's URL: `http://127.0.0.1:<port><mount>`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.mount)
    }

    /// This server's origin, `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
