//! Views: render state and turn gestures into actions. No URL, JSON or timer lives here.

pub mod connection;
