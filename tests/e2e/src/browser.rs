//! Headless Chromium through chromedriver, and a [`Page`] that finds controls the way a person
//! (or a screen reader) does: by role and accessible name.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use serde_json::{Value, json};

/// How long `wait_*` helpers wait by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(15);

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

/// Finds the element with ARIA role `arguments[0]` and accessible name `arguments[1]`,
/// marks it with `data-e2e-found`, and returns the mark (or null).
const FIND_BY_ROLE_JS: &str = r#"
const [wantedRole, wantedName, mark] = arguments;
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
function roleOf(el) {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const tag = el.tagName.toLowerCase();
  if (tag === 'button' || tag === 'summary') return 'button';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'select') return el.multiple ? 'listbox' : 'combobox';
  if (tag === 'ul' || tag === 'ol') return 'list';
  if (tag === 'li') return 'listitem';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'img') return 'img';
  if (tag === 'progress') return 'progressbar';
  if (tag === 'output') return 'status';
  if (tag === 'input') {
    const t = (el.getAttribute('type') || 'text').toLowerCase();
    return ({checkbox: 'checkbox', radio: 'radio', range: 'slider', button: 'button',
      submit: 'button', reset: 'button', file: 'button', number: 'spinbutton'})[t] || 'textbox';
  }
  return null;
}
function nameOf(el) {
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' '));
  const aria = el.getAttribute('aria-label');
  if (aria) return norm(aria);
  if (el.tagName === 'IMG') return norm(el.getAttribute('alt'));
  if (el.labels && el.labels.length) return norm(Array.from(el.labels).map(l => l.textContent).join(' '));
  const role = roleOf(el);
  if (['button', 'link', 'heading', 'listitem', 'tab', 'option', 'checkbox', 'radio', 'menuitem'].includes(role))
    return norm(el.textContent);
  return norm(el.getAttribute('title') || '');
}
const visible = el => el.getClientRects().length > 0;
// Inert content (index.html's static copy of the first screen, until the app replaces it) is
// not in the accessibility tree, so no role finds it.
const matches = Array.from(document.querySelectorAll('*'))
  .filter(el => !el.closest('[inert]') && roleOf(el) === wantedRole && nameOf(el) === norm(wantedName));
const el = matches.find(visible) || matches[0];
if (!el) return null;
// Centred, so the sticky Generate bar never covers what WebDriver then clicks.
if (visible(el)) el.scrollIntoView({ block: 'center', inline: 'nearest' });
el.setAttribute('data-e2e-found', mark);
return mark;
"#;

static NEXT_MARK: AtomicU64 = AtomicU64::new(1);

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
    let page = Page { client };
    let outcome = AssertUnwindSafe(test(page.clone())).catch_unwind().await;
    if outcome.is_err() {
        page.report_failure().await;
    }
    browser.shutdown().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// One browser tab, with helpers that find controls by role and accessible name.
#[derive(Clone)]
pub struct Page {
    pub client: Client,
}

impl Page {
    /// Navigates and waits until the app has mounted (its main heading is there).
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for_role("heading", "Angleshot").await;
    }

    /// The element with this role and accessible name, if present now.
    pub async fn try_by_role(&self, role: &str, name: &str) -> Option<Element> {
        let mark = format!("m{}", NEXT_MARK.fetch_add(1, Ordering::Relaxed));
        let found = self
            .client
            .execute(FIND_BY_ROLE_JS, vec![json!(role), json!(name), json!(mark)])
            .await
            .ok()?;
        if found == Value::Null {
            return None;
        }
        self.client
            .find(Locator::Css(&format!("[data-e2e-found=\"{mark}\"]")))
            .await
            .ok()
    }

    /// Waits for the element with this role and accessible name.
    pub async fn by_role(&self, role: &str, name: &str) -> Element {
        self.wait_for_role(role, name).await
    }

    pub async fn wait_for_role(&self, role: &str, name: &str) -> Element {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            if let Some(el) = self.try_by_role(role, name).await {
                return el;
            }
            if Instant::now() > deadline {
                panic!(
                    "no {role} named {name:?} on the page after {DEFAULT_WAIT:?}; body text: {}",
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces a text field's value by typing, as a person would.
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.by_role("textbox", label).await;
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type");
    }

    /// Clicks the button with this name.
    pub async fn click_button(&self, name: &str) {
        self.by_role("button", name)
            .await
            .click()
            .await
            .expect("click");
    }

    /// The page's visible text.
    pub async fn body_text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the text of the element with `role`/`name` satisfies `check`; returns it.
    pub async fn wait_text(&self, role: &str, name: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + DEFAULT_WAIT;
        let mut last = String::new();
        loop {
            if let Some(el) = self.try_by_role(role, name).await {
                last = el.text().await.unwrap_or_default();
                if check(&last) {
                    return last;
                }
            }
            if Instant::now() > deadline {
                panic!("{role} {name:?} never had the expected text; last: {last:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The visible text of each item of the list with this accessible name.
    pub async fn list_items(&self, list_name: &str) -> Vec<String> {
        let script = r#"const list = Array.from(document.querySelectorAll('[role=list],ul,ol'))
            .find(l => (l.getAttribute('aria-label') || '').trim() === arguments[0]);
            // Layout-free text (cards off screen skip rendering, so innerText would be empty):
            // text nodes, with block elements on their own lines.
            const text = el => Array.from(el.childNodes).map(n => n.nodeType === 3 ? n.textContent
              : n.nodeType !== 1 ? '' : /^(P|DIV|LI|BUTTON|UL|OL|FIGURE|SECTION)$/.test(n.tagName) ? '\n' + text(n) + '\n' : text(n)).join('');
            const tidy = t => t.split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(l => l).join('\n');
            return list ? Array.from(list.children).filter(li => li.tagName === 'LI' || li.getAttribute('role') === 'listitem').map(li => tidy(text(li))) : [];"#;
        match self.client.execute(script, vec![json!(list_name)]).await {
            Ok(Value::Array(items)) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Waits until the list's items satisfy `check`; returns them.
    pub async fn wait_list(
        &self,
        list_name: &str,
        timeout: Duration,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let items = self.list_items(list_name).await;
            if check(&items) {
                return items;
            }
            if Instant::now() > deadline {
                panic!("list {list_name:?} never reached the expected state; items: {items:#?}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Scrolls to the end of the page until the list holds `count` items (a long job list
    /// renders its newest cards first, the rest as the end of the page comes near).
    pub async fn scroll_list_until(&self, list_name: &str, count: usize) -> Vec<String> {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            self.eval("window.scrollTo(0, document.documentElement.scrollHeight); return null;")
                .await;
            let items = self.list_items(list_name).await;
            if items.len() >= count {
                return items;
            }
            if Instant::now() > deadline {
                panic!(
                    "scrolling never showed {count} items in {list_name:?}: {}",
                    items.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sets a slider (`role=slider`) to `value` as a pointer drag would: value + input event.
    pub async fn set_slider(&self, name: &str, value: i32) {
        let slider = self.by_role("slider", name).await;
        self.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                vec![serde_json::to_value(&slider).expect("element as JSON"), json!(value.to_string())],
            )
            .await
            .expect("set slider");
    }

    /// Runs a script and returns its JSON result.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// A one-finger touch drag between two viewport points, in two 250 ms legs.
    pub async fn touch_drag(&self, from: (f64, f64), to: (f64, f64)) {
        use fantoccini::actions::{InputSource, PointerAction, TouchActions};
        let leg = |x: f64, y: f64| PointerAction::MoveTo {
            duration: Some(Duration::from_millis(250)),
            x,
            y,
        };
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down { button: 0 })
            .then(leg((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0))
            .then(leg(to.0, to.1))
            .then(PointerAction::Up { button: 0 });
        self.client
            .perform_actions(finger)
            .await
            .expect("touch drag");
        self.client.release_actions().await.expect("release");
    }

    /// The centre of an element in viewport pixels, after scrolling it to the middle.
    pub async fn centre_of(&self, element: &Element) -> (f64, f64) {
        let rect = self
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'}); const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.width];",
                vec![serde_json::to_value(element).expect("element as JSON")],
            )
            .await
            .expect("measure");
        (
            rect[0].as_f64().unwrap_or_default(),
            rect[1].as_f64().unwrap_or_default(),
        )
    }

    /// After a failed test: prints where the page was, what it showed and what the console
    /// said, so a failure in CI's log can be understood without re-running it.
    async fn report_failure(&self) {
        let url = self.client.current_url().await.map(|u| u.to_string());
        let text: String = self.body_text().await.chars().take(3000).collect();
        let console = self
            .client
            .issue_cmd(SessionPost {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_default();
        let lines: Vec<String> = console
            .as_array()
            .into_iter()
            .flatten()
            .map(|entry| {
                format!(
                    "  [{}] {}",
                    entry["level"].as_str().unwrap_or("?"),
                    entry["message"].as_str().unwrap_or("")
                )
            })
            .collect();
        eprintln!(
            "--- page at failure: {url:?}\n--- visible text:\n{text}\n--- browser console ({} lines):\n{}",
            lines.len(),
            lines.join("\n")
        );
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver and returns its result.
    ///
    /// ```no_run
    /// # async fn demo(page: angleshot_e2e::Page) {
    /// page.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 4 })).await;
    /// # }
    /// ```
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Emulates `prefers-color-scheme` (`"light"` or `"dark"`).
    pub async fn color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// Injects axe-core (from the npm install in `$ANGLESHOT_TOOLS`) and returns the
    /// violations of impact "serious" or "critical" on the current page, one line each.
    pub async fn axe_serious_violations(&self) -> Vec<String> {
        let tools = std::env::var("ANGLESHOT_TOOLS")
            .map(PathBuf::from)
            .unwrap_or_else(|_| {
                PathBuf::from(std::env::var("HOME").unwrap_or_default())
                    .join(".cache/angleshot-tools")
            });
        let path = tools.join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (scripts/install-tools.sh installs axe-core)",
                path.display()
            )
        });
        self.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await
            .expect("axe-core injects");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { resultTypes: ['violations'] })
                     .then(r => done(r.violations), e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));"#,
                vec![],
            )
            .await
            .expect("axe.run");
        result
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                let targets: Vec<String> = v["nodes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|n| n["target"].to_string())
                    .collect();
                format!(
                    "{} ({}): {} at {}",
                    v["id"],
                    v["impact"],
                    v["help"],
                    targets.join(", ")
                )
            })
            .collect()
    }

    /// Saves a PNG screenshot under `tests/e2e/artifacts/`.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(crate::artifacts_dir().join(format!("{name}.png")), png);
        }
    }
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
