//! Angleshot: new camera angles from one picture, through Scenario's Qwen Edit Multi-Angle
//! model. See `README.md` and `../shared/architecture.md` for how the layers fit.

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod offline;
pub mod panic_banner;
pub mod studio;
