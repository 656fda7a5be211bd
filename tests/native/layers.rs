//! One direction of imports: reads every file under `src/` and fails when a layer uses one it
//! may not (see the README's layout table and `../shared/architecture.md`).
//!
//! util ← api ← domain ← studio ← components, each using only those before it; `demo` (the
//! simulated backend) uses util and api and is chosen by studio; `platform` (browser glue)
//! uses only util and serves studio and components. `app.rs`, `main.rs` and `lib.rs` wire
//! everything together and may use all of it. No file in `src/` is over 400 lines.

use std::path::{Path, PathBuf};

/// The layers a layer may use (itself included).
fn allowed(layer: &str) -> Option<&'static [&'static str]> {
    Some(match layer {
        "util" => &["util"],
        "api" => &["util", "api"],
        "demo" => &["util", "api", "demo"],
        "platform" => &["util", "platform"],
        "domain" => &["util", "api", "domain"],
        "studio" => &["util", "api", "domain", "platform", "demo", "studio"],
        "components" => &["util", "api", "domain", "platform", "studio", "components"],
        _ => return None,
    })
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ reads").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// Every `crate::<module>` named in code (not in comments), with its line number.
fn crate_uses(text: &str) -> Vec<(usize, String)> {
    let mut uses = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::{a, b}` names several layers at once.
            if name.is_empty() && after.starts_with('{') {
                let inner = after[1..].split('}').next().unwrap_or("");
                for part in inner.split(',') {
                    let module = part.trim().split("::").next().unwrap_or("").to_string();
                    if !module.is_empty() {
                        uses.push((number + 1, module));
                    }
                }
            } else if !name.is_empty() {
                uses.push((number + 1, name));
            }
            rest = after;
        }
    }
    uses
}

/// The layer of a file: its folder (or file) right under `src/`.
fn layer_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let first = relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or("");
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 20, "src/ has its files: {files:?}");
    let mut wrong = Vec::new();
    for file in &files {
        let layer = layer_of(&src, file);
        let Some(may_use) = allowed(&layer) else {
            // The wiring: app.rs, main.rs, lib.rs.
            assert!(
                ["app", "main", "lib"].contains(&layer.as_str()),
                "{} is in no layer: give it one in tests/native/layers.rs",
                file.display()
            );
            continue;
        };
        let text = std::fs::read_to_string(file).expect("a source file reads");
        for (line, used) in crate_uses(&text) {
            if allowed(&used).is_some() && !may_use.contains(&used.as_str()) {
                wrong.push(format!(
                    "{}:{line}: {layer} uses {used}",
                    file.strip_prefix(&src).unwrap_or(file).display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_plain_grouped_and_inline_uses_but_not_comments() {
    let text = "use crate::api::types::Job;\nuse crate::{domain::jobs, util::math};\n\
                // crate::studio in a comment\nlet x = crate::platform::perf_mark(\"m\");\n";
    let names: Vec<String> = crate_uses(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["api", "domain", "util", "platform"]);
}

#[test]
fn no_file_in_src_is_over_400_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file).ok()?.lines().count();
            (lines > 400).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by concern: {long:?}");
}

/// The first screen painted before the wasm is written by the build from the app itself
/// (`tools/first-screen`): the source page keeps only its empty wrapper, nothing pasted by hand.
#[test]
fn index_html_has_no_hand_made_copy_of_the_first_screen() {
    use angleshot::platform::static_first_screen::copy_in;
    let page = include_str!("../../index.html");
    assert_eq!(
        copy_in(page),
        Some(""),
        "index.html's first-screen wrapper must be empty"
    );
}

/// The studio's stores, bottom first, and the other studio modules each may use (helpers
/// such as `storage`, `history`, `image` and `owners` hold no state of the studio's). The
/// rooms beside `state.rs` (submit, poller, …) orchestrate across stores and are not listed.
const STORES: &[(&str, &[&str])] = &[
    ("settings", &["storage"]),
    ("camera", &[]),
    ("input", &["settings", "image"]),
    ("owners", &[]),
    ("jobs", &["owners"]),
    ("set_list", &[]),
    ("queue", &[]),
    ("poll_loop", &[]),
    ("kept", &["history"]),
    ("selection", &[]),
];

/// Every `crate::studio::<module>` a file names in code.
fn studio_uses(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .flat_map(|line| {
            line.match_indices("crate::studio::").map(move |(at, _)| {
                line[at + "crate::studio::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
        })
        .collect()
}

#[test]
fn a_store_uses_only_the_stores_below_it() {
    let studio = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/studio");
    let mut wrong = Vec::new();
    for (store, may_use) in STORES {
        let text = std::fs::read_to_string(studio.join(format!("{store}.rs"))).expect("store");
        for used in studio_uses(&text) {
            if used != *store && !may_use.contains(&used.as_str()) {
                wrong.push(format!("studio/{store}.rs uses studio::{used}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "stores using what they may not:\n{}",
        wrong.join("\n")
    );
    assert_eq!(
        studio_uses("use crate::studio::settings::SettingsStore; // crate::studio::jobs"),
        ["settings"],
        "the checker reads code, not comments"
    );
}
