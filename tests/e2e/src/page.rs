//! A [`Page`]: one browser tab and what a test does in it — navigate, type, click, drag,
//! read lists and text, run a script, take a screenshot. Controls are found by role and
//! accessible name (`accessibility.rs`), never by CSS class.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};

/// How long `wait_*` helpers wait by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(15);

/// One browser tab, with helpers that find controls by role and accessible name.
#[derive(Clone)]
pub struct Page {
    pub client: Client,
}

impl Page {
    pub(crate) fn new(client: Client) -> Self {
        Page { client }
    }

    /// Navigates and waits until the app has mounted (its main heading is there).
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for_role("heading", "Angleshot").await;
    }

    /// An attribute of the element with this role and accessible name (`None` when it has
    /// none), e.g. `aria-pressed` or `aria-current`.
    pub async fn attribute(&self, role: &str, name: &str, attribute: &str) -> Option<String> {
        self.by_role(role, name)
            .await
            .attr(attribute)
            .await
            .expect("read an attribute")
    }

    /// Replaces a text field's value by typing, as a person would.
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.by_role("textbox", label).await;
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type");
    }

    /// Replaces a number field's value by typing (its change lands when the focus leaves).
    pub async fn fill_number(&self, label: &str, text: &str) {
        let field = self.by_role("spinbutton", label).await;
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type");
    }

    /// Picks the option with this text in the select with this name.
    pub async fn choose(&self, label: &str, option: &str) {
        self.by_role("combobox", label)
            .await
            .select_by_label(option)
            .await
            .expect("select the option");
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

    /// Scrolls to the end of the list until it holds `count` items (a long job list renders
    /// its newest tiles first, the rest as its end comes near).
    pub async fn scroll_list_until(&self, list_name: &str, count: usize) -> Vec<String> {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            // The list's end, not the page's: beside a longer column the two differ.
            self.client
                .execute(
                    "const list = [...document.querySelectorAll('[role=list],ul,ol')].find(l => (l.getAttribute('aria-label') || '').trim() === arguments[0]); const last = list && list.lastElementChild; if (last) last.scrollIntoView({block: 'end'}); return null;",
                    vec![json!(list_name)],
                )
                .await
                .expect("scroll");
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
    pub(crate) async fn report_failure(&self) {
        let url = self.client.current_url().await.map(|u| u.to_string());
        let text: String = self.body_text().await.chars().take(3000).collect();
        let console = crate::driver::console(&self.client).await;
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
        crate::driver::cdp(&self.client, cmd, params)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Blocks (or lets through again) every `.wasm` request: the page as it is before the app
    /// has arrived.
    pub async fn block_wasm(&self, blocked: bool) {
        self.cdp("Network.enable", json!({})).await;
        let urls: &[&str] = if blocked { &["*.wasm"] } else { &[] };
        self.cdp("Network.setBlockedURLs", json!({ "urls": urls }))
            .await;
    }

    /// Emulates `prefers-color-scheme` (`"light"` or `"dark"`).
    pub async fn color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// Sizes the viewport (not the window) to exactly `width`×`height` CSS px.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize");
        let inner = self.eval("return [innerWidth, innerHeight]").await;
        let (iw, ih) = (
            inner[0].as_u64().unwrap_or(0) as u32,
            inner[1].as_u64().unwrap_or(0) as u32,
        );
        self.client
            .set_window_size(width + (width - iw), height + (height - ih))
            .await
            .expect("resize");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    /// Saves a PNG screenshot under `tests/e2e/artifacts/`.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(crate::artifacts_dir().join(format!("{name}.png")), png);
        }
    }
}
