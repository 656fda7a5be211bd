//! Effects: storage, image preparation, the poll loop, uploads, downloads.

pub mod camera;
pub mod connection;
pub mod draft;
pub mod export;
pub mod history;
pub mod image;
pub mod input;
pub mod jobs;
pub mod kept;
pub mod owners;
pub mod persist;
pub mod poll_loop;
pub mod poller;
pub mod queue;
pub mod readiness;
pub mod restore;
pub mod results;
pub mod selection;
pub mod set_list;
pub mod sets;
pub mod settings;
pub mod stage;
pub mod state;
pub mod storage;
pub mod submit;
pub mod thumbs;
