//! Angleshot: new camera angles from one picture, through Scenario's Qwen Edit Multi-Angle
//! model. See `README.md` and `../shared/architecture.md` for how the layers fit.

pub mod api;
pub mod app;
pub mod components;
pub mod demo;
pub mod domain;
pub mod platform;
pub mod studio;
pub mod util;
