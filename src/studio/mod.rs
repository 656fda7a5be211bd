//! Effects: storage, image preparation, the poll loop, uploads, downloads.

pub mod draft;
pub mod history;
pub mod image;
pub mod persist;
pub mod sets;
pub mod state;
pub mod storage;
pub mod thumbs;
