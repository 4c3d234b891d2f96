//! The page: the views only the first load (bin `workforce-gap`) renders,
//! from [`app::App`] down: the scenarios, area, working time, services, roles
//! and projection cards with their number fields, the levers, the history
//! buttons, notices and the error summary, the headline, the results and
//! their table by role and chart. Where a panel goes, a
//! [`crate::ui::runtime::panel_host::PanelHost`] stands in for it until the
//! panels module has loaded.

pub mod app;
pub mod area;
pub mod error_summary;
pub mod explain;
pub mod headline;
pub mod history;
pub mod levers;
pub mod notice;
pub mod number_field;
pub mod projection_inputs;
pub mod required_vs_in_post;
pub mod results;
pub mod roles;
pub mod scenarios;
pub mod services;
pub mod working_time;
