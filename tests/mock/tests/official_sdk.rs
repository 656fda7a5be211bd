//! Every answer of the mock validates under Scenario's official Python SDK (`scenario-sdk`,
//! generated from their OpenAPI spec): upload, dry run, generate, poll, asset, bulk assets,
//! model, job list, cancel and a bad key, driven by `tests/mock/sdk/check_mock.py`.
//! `scripts/install-tools.sh` installs the pinned SDK into its own venv.

use std::path::PathBuf;
use std::process::Command;

use angleshot_mock::{Knobs, MockOptions, MockServer};

/// The venv's python, where `scripts/install-tools.sh` puts it.
fn sdk_python() -> PathBuf {
    let tools = std::env::var_os("ANGLESHOT_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/angleshot-tools")
        });
    tools.join("sdk-venv/bin/python")
}

#[test]
fn every_answer_validates_under_the_official_sdk() {
    let python = sdk_python();
    assert!(
        python.exists(),
        "{} is missing: run scripts/install-tools.sh (it installs scenario-sdk)",
        python.display()
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mock = runtime
        .block_on(MockServer::start(MockOptions {
            knobs: Knobs {
                job_duration_ms: 300,
                ..Knobs::default()
            },
            ..MockOptions::default()
        }))
        .unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sdk/check_mock.py");
    // The mock answers on this runtime's threads while the script runs.
    let output = Command::new(&python)
        .arg(&script)
        .arg(mock.api_base())
        .args(["test-key", "test-secret"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the SDK refused an answer:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("validated under scenario-sdk 2.4.0"),
        "{stdout}\n{stderr}"
    );
    drop(runtime);
}
