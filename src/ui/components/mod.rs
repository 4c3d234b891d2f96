//! Small views. They read the app state and send
//! [`crate::ui::state::Action`]s; charts take plain data props.
//!
//! Two kinds, on purpose:
//! - a view that keeps state of its own (an open/closed table, a memoised
//!   sensitivity or uncertainty run, a pending file, a chosen role) is a
//!   function component with hooks, reading the app from context
//!   (`use_app`) or taking its data as props. On the page: `ScenarioManager`,
//!   `ResultsBody`, `RoleTable`, `ExtrasHost` (which loads the second
//!   module) and `ChartFigure` (the charts' data table toggle). In the second
//!   module (`crate::ui::extras_app`): `Analysis`, `WhatItTakes`,
//!   `RoleProjection`, `Tornado`, `ExplainPicker`, `CardExplanation`,
//!   `AreaPicker`, `CompareSection`, `ShareExport`, `SourcesPanel`,
//!   `RangesEditor` and its rows, `Presentation`, `EmbedSnippet` and the
//!   embed bridge;
//! - every other view is a plain function taking `&AppHandle` (or data),
//!   called from its parent: `area_inputs(&app)`, `number_field(...)`,
//!   `service_card(app, i)`, `role_card(app, i)`, `headline(...)`, and the
//!   charts (`projection_chart`, `supply_chart`, ...: plain data in, SVG
//!   out). Each function component costs
//!   about 600 bytes gzip of Yew machinery in the WebAssembly, and these
//!   views re-render with every change to the app state anyway.

pub mod about;
pub mod analysis;
pub mod area;
pub mod area_picker;
pub mod benchmarks;
pub mod charts;
pub mod embed_snippet;
pub mod error_summary;
pub mod explain;
pub mod extras_host;
pub mod headline;
pub mod history;
pub mod levers;
pub mod notice;
pub mod number_field;
pub mod place_results;
pub mod presentation;
pub mod projection_inputs;
pub mod results;
pub mod role_table;
pub mod roles;
pub mod scenarios;
pub mod services;
pub mod share_export;
pub mod sources;
pub mod what_it_takes;
pub mod working_time;
