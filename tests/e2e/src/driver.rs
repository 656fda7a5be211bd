//! Headless Chromium through chromedriver: one browser (own profile, own chromedriver) per
//! test, always closed afterwards, and the chromedriver endpoints WebDriver lacks (DevTools
//! Protocol commands, the browser console).

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use futures_util::FutureExt;
use serde_json::{Value, json};

use crate::page::Page;

/// Chromium flags that keep a headless root browser quiet on a machine with no internet.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--window-size=1024,768",
];

/// A running chromedriver + Chromium with one session.
struct Browser {
    driver: Child,
    profile: PathBuf,
    client: Option<Client>,
}

/// Browsers are numbered per test process; the number names the Chromium profile (two
/// browsers never share one: a shared profile makes the second Chromium hand its window to the
/// first, and two tests type into one page) and the chromedriver's stderr log.
static NEXT_BROWSER: AtomicU64 = AtomicU64::new(1);

/// Starts chromedriver on a port it picks itself and returns it with that port. Picking a
/// "free" port first and passing it on races with every other test binding one meanwhile.
/// A chromedriver that ends without naming its port (seen once under load) is started again;
/// after three such starts the panic shows what it wrote to stderr.
fn spawn_chromedriver(chromedriver: &str, browser_number: u64) -> (Child, u16) {
    let mut last_stderr = String::new();
    for attempt in 1..=3 {
        let log = std::env::temp_dir().join(format!(
            "angleshot-chromedriver-{}-{browser_number}-{attempt}.log",
            std::process::id(),
        ));
        let stderr = std::fs::File::create(&log).map_or(Stdio::null(), Stdio::from);
        let mut driver = Command::new(chromedriver)
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start {chromedriver}: {err} (run scripts/install-tools.sh)")
            });
        let stdout = driver.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let port = lines.by_ref().map_while(Result::ok).find_map(|line| {
            line.split_once("started successfully on port ")
                .and_then(|(_, rest)| rest.trim_end_matches('.').trim().parse::<u16>().ok())
        });
        if let Some(port) = port {
            // Keep draining its output so a chatty driver never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            let _ = std::fs::remove_file(&log);
            return (driver, port);
        }
        let _ = driver.kill();
        let _ = driver.wait();
        last_stderr = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        eprintln!("{chromedriver} named no port (start {attempt} of 3): {last_stderr}");
    }
    panic!("{chromedriver} did not say which port it listens on; its stderr: {last_stderr}")
}

impl Browser {
    async fn start() -> Browser {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let number = NEXT_BROWSER.fetch_add(1, Ordering::Relaxed);
        let (driver, port) = spawn_chromedriver(&chromedriver, number);
        let profile =
            std::env::temp_dir().join(format!("angleshot-e2e-{}-{number}", std::process::id()));
        let mut browser = Browser {
            driver,
            profile,
            client: None,
        };
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", browser.profile.display()));
        // For investigations (e.g. `--trace-startup=v8.wasm`); nothing in the test command sets it.
        if let Ok(extra) = std::env::var("ANGLESHOT_CHROMIUM_ARGS") {
            args.extend(extra.split_whitespace().map(str::to_string));
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()), "args": args }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    browser.client = Some(client);
                    return browser;
                }
                Err(err) if Instant::now() > deadline => {
                    panic!("chromedriver did not start a session: {err}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    async fn shutdown(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // Any Chromium left behind (session not closed) is found by its unique profile dir.
        let _ = Command::new("pkill")
            // Anchored at the end: profile …-1 must not match the Chromium of …-10.
            .args([
                "-f",
                &format!("user-data-dir={}( |$)", self.profile.display()),
            ])
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Runs `test` with a fresh browser page and always closes the browser afterwards, then
/// re-raises the test's panic if it failed.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    let browser = Browser::start().await;
    let client = browser.client.clone().expect("a session");
    let page = Page::new(client);
    let outcome = AssertUnwindSafe(test(page.clone())).catch_unwind().await;
    if outcome.is_err() {
        page.report_failure().await;
    }
    browser.shutdown().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Sends a Chrome DevTools Protocol command through chromedriver and returns its result.
pub(crate) async fn cdp(client: &Client, cmd: &str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(SessionPost {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        })
        .await
        .map_err(|e| format!("CDP {cmd}: {e}"))
}

/// The browser console's entries since the last call (chromedriver's legacy `se/log`).
pub(crate) async fn console(client: &Client) -> Value {
    client
        .issue_cmd(SessionPost {
            path: "se/log",
            body: json!({ "type": "browser" }),
        })
        .await
        .unwrap_or_default()
}

/// A `POST /session/{id}/{path}` to one of chromedriver's own endpoints: `goog/cdp/execute`
/// (a DevTools Protocol command) or the legacy `se/log` (the browser console).
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
