//! Angleshot's performance benchmark (`bash scripts/bench.sh`; not part of the test command).
//!
//! Serves the release `dist/` compressed (gzip or brotli by `Accept-Encoding`, as a static host
//! would) on loopback beside the mock Scenario server, drives headless Chromium through the
//! Chrome DevTools Protocol, prints a table, writes `target/bench/report.json`, and exits 1
//! when a budget is broken.

mod budgets;
mod scenarios;
mod serve;

use std::path::PathBuf;

use angleshot_e2e::{dist_dir, with_browser};
use budgets::Report;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dist = dist_dir();
    // `angleshot-bench sizes [DIR]`: only the compressed size of each file in dist/ (or DIR),
    // no browser, for quick before/after checks while shrinking the wasm.
    if std::env::args().nth(1).as_deref() == Some("sizes") {
        let dir = std::env::args().nth(2).map_or(dist.clone(), PathBuf::from);
        for file in serve::compressed_sizes(&dir) {
            println!(
                "{:>9} raw {:>8} gzip {:>8} br  {}",
                file.raw, file.gzip, file.brotli, file.name
            );
        }
        return;
    }
    // `angleshot-bench compare A B`: two builds' dist/ directories, cold loads in turn
    // (ANGLESHOT_BENCH_LOADS of each, default 10; at CPU ×ANGLESHOT_BENCH_RATE, default 4);
    // no budgets.
    if std::env::args().nth(1).as_deref() == Some("compare") {
        let (Some(a), Some(b)) = (std::env::args().nth(2), std::env::args().nth(3)) else {
            eprintln!("usage: angleshot-bench compare DIST_A DIST_B");
            std::process::exit(2);
        };
        let loads = env_number("ANGLESHOT_BENCH_LOADS", 10);
        let rate = env_number("ANGLESHOT_BENCH_RATE", 4);
        // Both under a sub-path of one server (the site pre-compresses a copy, links followed), so
        // neither has an advantage of path or origin.
        let both = std::env::temp_dir().join(format!("angleshot-compare-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&both);
        let _ = std::fs::create_dir_all(&both);
        for (from, to) in [(&a, "a"), (&b, "b")] {
            let from = std::fs::canonicalize(from).unwrap_or_else(|_| PathBuf::from(from));
            if let Err(e) = std::os::unix::fs::symlink(&from, both.join(to)) {
                eprintln!("bench: cannot link {}: {e}", from.display());
                std::process::exit(2);
            }
        }
        let site = serve::CompressedSite::start(&both).await;
        with_browser(|page| async move {
            let (url_a, url_b) = (format!("{}a/", site.url()), format!("{}b/", site.url()));
            println!("a = {a}, b = {b}");
            scenarios::observe_pages(&page).await;
            scenarios::compare_cold_loads(&page, [&url_a, &url_b], loads, rate).await;
        })
        .await;
        let _ = std::fs::remove_dir_all(&both);
        return;
    }
    let site = serve::CompressedSite::start(&dist).await;
    let api = angleshot_e2e::fixtures::mock(angleshot_mock::Knobs {
        job_duration_ms: 120_000,
        ..angleshot_mock::Knobs::default()
    })
    .await;
    let files = serve::compressed_sizes(&dist);
    let report = std::sync::Arc::new(std::sync::Mutex::new(Report::default()));
    let shared = report.clone();
    // `angleshot-bench cards photo` runs only those scenarios (load, gizmo, cards, polling,
    // photo); no argument runs all.
    let only: Vec<String> = std::env::args().skip(1).collect();
    let wanted = move |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    with_browser(|page| async move {
        let mut metrics = Vec::new();
        let url = site.url();
        scenarios::observe_pages(&page).await;
        if wanted("load") {
            scenarios::cold_load(&page, &url, &mut metrics).await;
        }
        if wanted("gizmo") {
            scenarios::gizmo_drag(&page, &url, &mut metrics).await;
        }
        if wanted("cards") {
            scenarios::two_hundred_cards(&page, &url, &api, &mut metrics).await;
        }
        if wanted("polling") {
            scenarios::polling_load(&page, &url, &api, &mut metrics).await;
        }
        if wanted("photo") {
            scenarios::big_photo(&page, &url, &api, &mut metrics).await;
        }
        if let Ok(mut report) = shared.lock() {
            report.metrics = metrics;
        }
    })
    .await;
    let Ok(mut report) = report.lock().map(|r| r.clone()) else {
        eprintln!("bench: report lost");
        std::process::exit(2);
    };
    report.files = files;
    print!("{}", report.table());
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    let _ = std::fs::create_dir_all(&out);
    let path = out.join("report.json");
    match std::fs::write(&path, report.json().to_string()) {
        Ok(()) => println!("report: {}", path.display()),
        Err(e) => eprintln!("bench: cannot write {}: {e}", path.display()),
    }
    let broken = report.broken();
    if !broken.is_empty() {
        println!("BUDGETS BROKEN: {}", broken.join(", "));
        std::process::exit(1);
    }
    println!("all budgets met");
}

/// The number in the environment variable `name`, or `default` when unset or not a number.
fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
