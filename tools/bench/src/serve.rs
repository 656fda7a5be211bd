//! `dist/` served pre-compressed (brotli and gzip, as a static host would), and the compressed
//! size of each file.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

use crate::budgets::FileSize;

/// A static server that compresses like a production host: every file pre-compressed once at
/// the best levels (brotli 11, gzip 9), sent by `Accept-Encoding`; stops when dropped.
pub struct CompressedSite {
    addr: SocketAddr,
    task: JoinHandle<()>,
    copy: std::path::PathBuf,
}

impl CompressedSite {
    /// Serves a pre-compressed copy of `dir` at `/`.
    pub async fn start(dir: &Path) -> CompressedSite {
        let copy =
            std::env::temp_dir().join(format!("angleshot-bench-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&copy);
        precompress(dir, &copy);
        let app = Router::new().fallback_service(
            ServeDir::new(&copy)
                .append_index_html_on_directories(true)
                .precompressed_br()
                .precompressed_gzip(),
        );
        let (addr, task) = angleshot_e2e::static_server::serve_on_loopback(app).await;
        CompressedSite { addr, task, copy }
    }

    /// The app's URL.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for CompressedSite {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_dir_all(&self.copy);
    }
}

/// Copies `from` into `to` with a `.br` and a `.gz` beside each file (recursively).
fn precompress(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            precompress(&source, &target);
            continue;
        }
        let Ok(bytes) = std::fs::read(&source) else {
            continue;
        };
        let _ = std::fs::write(&target, &bytes);
        let mut name = target.clone().into_os_string();
        name.push(".br");
        let _ = std::fs::write(&name, brotli_bytes(&bytes));
        let mut name = target.into_os_string();
        name.push(".gz");
        let _ = std::fs::write(&name, gzip_bytes(&bytes));
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

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out,
        Err(_) => Vec::new(),
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    gzip_bytes(bytes).len()
}

fn brotli_len(bytes: &[u8]) -> usize {
    brotli_bytes(bytes).len()
}
