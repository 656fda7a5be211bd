//! Plain-Rust domain logic: no HTTP, no DOM, tested natively.

pub mod angle_set;
pub mod camera;
pub mod card_action;
pub mod connection;
pub mod draft;
pub mod history;
pub mod image_rules;
pub mod jobs;
pub mod naming;
pub mod orbit;
pub mod pixel_size;
pub mod poll;
pub mod presets;
pub mod profile;
pub mod readiness;
pub mod reconcile;
pub mod retry;
pub mod scrub;
pub mod set_archive;
pub mod set_export;
pub mod settings;
pub mod shot;
pub mod sprite_sheet;
pub mod submit_queue;
pub mod takes;
pub mod zoom;
