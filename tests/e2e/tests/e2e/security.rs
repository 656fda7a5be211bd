//! The key goes nowhere but the API: the studio works under its Content-Security-Policy, an
//! injected inline script is blocked, the CDN never sees `Authorization`, and neither a URL,
//! the console, storage (bar the session) nor IndexedDB holds the secret.

use std::time::Duration;

use angleshot_e2e::fixtures::{expected_auth, studio_servers};
use angleshot_e2e::with_browser;
use serde_json::json;

/// Installed before the app runs: keeps a copy of everything written to the console.
const CONSOLE_CAPTURE: &str = r#"
window.__console = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    try { window.__console.push(level + ' ' + args.map(a => typeof a === 'string' ? a : JSON.stringify(a)).join(' ')); } catch (e) {}
    original(...args);
  };
}
"#;

/// Everything in every IndexedDB database of the page, as one string.
const DUMP_INDEXED_DB: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const out = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise(ok => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ok([]); });
      for (const row of rows) out.push(store + ':' + (row instanceof Blob ? 'blob ' + row.size : JSON.stringify(row)));
    }
    db.close();
  }
  return out.join('\n');
})().then(done, e => done('error ' + e));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csp_holds_and_the_key_reaches_only_the_api() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": CONSOLE_CAPTURE }))
            .await;
        page.open(&site.url()).await;
        let policy = page
            .eval("const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m ? m.content : null;")
            .await;
        let policy = policy.as_str().unwrap_or_default().to_string();
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{policy}");
        assert!(policy.contains("connect-src 'self'"), "{policy}");

        // The whole flow works under the policy: upload, generate, poll, CDN download.
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", 45).await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        page.by_role("button", "Download").await;
        let result_src = page
            .eval("const i = document.querySelector('img[alt^=\"Result:\"]'); return i ? i.src : null;")
            .await;
        assert!(result_src.as_str().is_some_and(|s| s.starts_with("blob:")), "{result_src}");

        // An injected inline script does not run.
        page.eval(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
             const s = document.createElement('script'); s.textContent = 'window.__injected = true;'; document.head.appendChild(s);",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let outcome = page.eval("return [window.__injected === undefined, window.__violations];").await;
        assert_eq!(outcome[0], true, "inline script ran: {outcome}");
        assert!(outcome[1].to_string().contains("script-src"), "{outcome}");

        // The key: only to the API, never in a URL, the console or stored history.
        let secret = "test-secret";
        let auth = expected_auth();
        let basic = auth.trim_start_matches("Basic ").to_string();
        let records = api.requests();
        assert!(records.iter().any(|r| r.server == "cdn"), "the result came from the CDN");
        for r in &records {
            let url = format!("{}?{}", r.path, r.query);
            assert!(!url.contains(secret) && !url.contains(&basic), "key in a URL: {url}");
            if r.server == "cdn" {
                assert_eq!(r.header("authorization"), None, "Authorization sent to the CDN: {url}");
            } else if r.method != "OPTIONS" {
                assert_eq!(r.header("authorization"), Some(auth.as_str()), "{} {url}", r.method);
            }
        }
        let urls = page
            .eval("return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]).join('\\n');")
            .await;
        let urls = urls.as_str().unwrap_or_default().to_string();
        assert!(!urls.contains(secret) && !urls.contains(&basic), "{urls}");
        let console = page.eval("return JSON.stringify(window.__console);").await;
        let console = console.as_str().unwrap_or_default().to_string();
        assert!(!console.contains(secret) && !console.contains(&basic), "console: {console}");
        let local = page.eval("return JSON.stringify(Object.assign({}, localStorage));").await;
        assert!(!local.as_str().unwrap_or_default().contains(secret), "localStorage: {local}");
        let stored = page.client.execute_async(DUMP_INDEXED_DB, vec![]).await.expect("dump IndexedDB");
        let stored = stored.as_str().unwrap_or_default().to_string();
        assert!(!stored.starts_with("error"), "{stored}");
        assert!(!stored.contains(secret) && !stored.contains(&basic), "IndexedDB: {stored}");
    })
    .await;
}
