//! Effects: browser storage now; the poll loop, uploads and sets as they arrive.

pub mod storage;
