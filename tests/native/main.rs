//! The native tests of the app's logic, in one binary (one link instead of fourteen): a
//! module per subject. `tests/web_shell.rs` runs in Chromium; `tests/e2e/` drives the built
//! app.

mod account;
mod angle_sets;
mod api_requests;
mod api_responses;
mod backup;
mod camera;
mod decoders_fuzz;
mod derived_records;
mod draft;
mod durability;
mod history;
mod image_rules;
mod jobs;
mod layers;
mod naming;
mod orbit;
mod pipeline;
mod poll_schedule;
mod profile_2511;
mod profile_golden;
mod retry_policy;
mod support;
mod turnaround;
mod viewer;
