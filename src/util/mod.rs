//! The leaf: plain helpers for numbers, time, ordering and JSON text. Uses nothing else of
//! the crate, so every other layer may use it.

pub mod json;
pub mod math;
pub mod order;
pub mod time;
pub mod zip;
