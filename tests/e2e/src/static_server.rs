//! A plain static file server for `dist/`, at `/` or under a sub-path, as any static host
//! would serve it.

use std::net::SocketAddr;
use std::path::Path;

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

impl StaticServer {
    /// Serves `dir` under `mount` (`"/"` or e.g. `"/tools/angleshot/"`).
    pub async fn start(dir: &Path, mount: &str) -> StaticServer {
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
