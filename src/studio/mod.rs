//! Effects: storage, image preparation, the poll loop, uploads, downloads.

pub mod download;
pub mod image;
pub mod sets;
pub mod state;
pub mod storage;
