//! Plain-Rust domain logic: no HTTP, no DOM, tested natively.

pub mod connection;
