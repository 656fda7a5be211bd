//! The end-to-end tests, in one binary (one link instead of fourteen): the release `dist/` in
//! headless Chromium against the mock Scenario server, a module per subject. One test:
//! `cargo test -p angleshot-e2e -- shell::` (after `. scripts/env.sh` and a built `dist/`).

mod accessibility;
mod account;
mod angle_sets;
mod backup;
mod demo;
mod deploy;
mod faults;
mod gizmo;
mod layout;
mod long_history;
mod offline;
mod persistence;
mod pipeline;
mod quota;
mod security;
mod shell;
mod stage;
mod studio;
mod studio_inputs;
mod turnaround;
