//! Small views. Each reads the app state from context (`use_app`) and sends
//! [`crate::ui::state::Action`]s; charts take plain data props.

pub mod about;
pub mod area;
pub mod charts;
pub mod error_summary;
pub mod explain;
pub mod headline;
pub mod levers;
pub mod notice;
pub mod number_field;
pub mod projection_inputs;
pub mod results;
pub mod role_table;
pub mod roles;
pub mod scenarios;
pub mod services;
pub mod share_export;
pub mod sources;
pub mod working_time;
