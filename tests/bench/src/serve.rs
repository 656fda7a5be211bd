//! `dist/` served with on-the-fly gzip/brotli, and the offline compressed size of each file.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use crate::budgets::FileSize;

/// A static server that compresses like a production host; stops when dropped.
pub struct CompressedSite {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl CompressedSite {
    /// Serves `dir` at `/`.
    pub async fn start(dir: &Path) -> CompressedSite {
        let app = Router::new()
            .fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
            .layer(CompressionLayer::new().gzip(true).br(true));
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        CompressedSite { addr, task }
    }

    /// The app's URL.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for CompressedSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Raw, gzip -9 and brotli q11 sizes of every file in `dir` (not recursive: dist/ is flat but
/// for its icons, which are listed by their own line when present).
pub fn compressed_sizes(dir: &Path) -> Vec<FileSize> {
    let mut files: Vec<FileSize> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let bytes = std::fs::read(e.path()).ok()?;
            Some(FileSize {
                name: e.file_name().to_string_lossy().into_owned(),
                raw: bytes.len(),
                gzip: gzip_len(&bytes),
                brotli: brotli_len(&bytes),
            })
        })
        .collect();
    files.sort_by(|a, b| b.raw.cmp(&a.raw));
    files
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => 0,
    }
}
