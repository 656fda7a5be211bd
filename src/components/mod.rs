//! Views: render state and turn gestures into actions. No URL, JSON or timer lives here.

pub mod account_images;
pub mod account_jobs;
pub mod account_pages;
pub mod after_first_paint;
pub mod backup;
pub mod camera_details;
pub mod camera_fields_2511;
pub mod camera_panel;
pub mod compare;
pub mod connection;
pub mod dataset_panel;
pub mod free_space;
pub mod image_input;
pub mod job_list;
pub mod lineage;
pub mod number_field;
pub mod orbit_gizmo;
pub mod set_group;
pub mod set_panel;
pub mod spin_controls;
pub mod stage;
pub mod takes;
pub mod turntable;
pub mod viewer;
