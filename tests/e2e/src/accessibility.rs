//! Finding controls as a screen reader does: by role and accessible name, read from
//! Chromium's own accessibility tree (DevTools Protocol `Accessibility.getFullAXTree`), so
//! what a test finds is what assistive technology is told. Plus axe-core's audit.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::{Value, json};

use crate::driver::cdp;
use crate::page::{DEFAULT_WAIT, Page};

static NEXT_MARK: AtomicU64 = AtomicU64::new(1);

/// The roles Chromium computes where ARIA's name differs (`img` is "image"; a `<summary>`
/// is a "DisclosureTriangle" that screen readers announce as a button).
fn chromium_roles(role: &str) -> Vec<&str> {
    match role {
        "img" => vec!["image", "img"],
        "button" => vec!["button", "DisclosureTriangle"],
        _ => vec![role],
    }
}

/// Whether an accessibility node is out of the tree because it is inert (the static copy of
/// the first screen, until the app replaces it): no one can reach it.
fn inert(node: &Value) -> bool {
    node["ignoredReasons"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|reason| {
            reason["name"]
                .as_str()
                .is_some_and(|name| name.to_ascii_lowercase().contains("inert"))
        })
}

/// Marks the DOM node behind `backend_node_id` (scrolled to the centre, so the sticky
/// Generate bar never covers what WebDriver then clicks) and returns the mark.
async fn mark_node(page: &Page, backend_node_id: u64) -> Option<String> {
    let resolved = cdp(
        &page.client,
        "DOM.resolveNode",
        json!({ "backendNodeId": backend_node_id }),
    )
    .await
    .ok()?;
    let object_id = resolved["object"]["objectId"].as_str()?.to_string();
    let mark = format!("m{}", NEXT_MARK.fetch_add(1, Ordering::Relaxed));
    cdp(
        &page.client,
        "Runtime.callFunctionOn",
        json!({
            "objectId": object_id,
            "functionDeclaration": "function (mark) { if (this.getClientRects().length) this.scrollIntoView({ block: 'center', inline: 'nearest' }); this.setAttribute('data-e2e-found', mark); }",
            "arguments": [{ "value": mark }],
        }),
    )
    .await
    .ok()?;
    Some(mark)
}

impl Page {
    /// The DOM nodes of the accessibility tree's nodes with this role and name: those in the
    /// tree first, then those ignored (hidden, e.g. in a closed `<details>`) but not inert.
    async fn query_tree(&self, role: &str, name: &str) -> Vec<u64> {
        let Ok(tree) = cdp(&self.client, "Accessibility.getFullAXTree", json!({})).await else {
            return Vec::new();
        };
        let roles = chromium_roles(role);
        let mut shown = Vec::new();
        let mut hidden = Vec::new();
        for node in tree["nodes"].as_array().into_iter().flatten() {
            let role_matches = node["role"]["value"]
                .as_str()
                .is_some_and(|r| roles.contains(&r));
            let name_matches = node["name"]["value"]
                .as_str()
                .is_some_and(|n| n.split_whitespace().collect::<Vec<_>>().join(" ") == name);
            let Some(id) = node["backendDOMNodeId"].as_u64() else {
                continue;
            };
            if !(role_matches && name_matches) {
                continue;
            }
            if node["ignored"].as_bool() != Some(true) {
                shown.push(id);
            } else if !inert(node) {
                hidden.push(id);
            }
        }
        shown.extend(hidden);
        shown
    }

    /// The element with this role and accessible name, if present now.
    pub async fn try_by_role(&self, role: &str, name: &str) -> Option<Element> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let node = *self.query_tree(role, &name).await.first()?;
        let mark = mark_node(self, node).await?;
        self.client
            .find(Locator::Css(&format!("[data-e2e-found=\"{mark}\"]")))
            .await
            .ok()
    }

    /// Waits for the element with this role and accessible name.
    pub async fn by_role(&self, role: &str, name: &str) -> Element {
        self.wait_for_role(role, name).await
    }

    /// Waits for the element with this role and accessible name.
    pub async fn wait_for_role(&self, role: &str, name: &str) -> Element {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            if let Some(el) = self.try_by_role(role, name).await {
                return el;
            }
            if Instant::now() > deadline {
                panic!(
                    "no {role} named {name:?} in the accessibility tree after {DEFAULT_WAIT:?}; body text: {}",
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
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
}
