//! The panels module (bin `panels`): the views only it renders, each mounted
//! by [`crate::ui::runtime::panel_app`] into the page's
//! [`crate::ui::runtime::panel_host::PanelHost`] the first time it is
//! needed, so the first load carries none of their code: analysis (what it
//! takes, services, places, benchmarks, what moves the answer, explanations),
//! the area picker, the ranges editor, a card's explanation, and below the
//! calculator compare, share and export, the embed snippet, sources and
//! about; presentation mode.

pub mod about;
pub mod analysis;
pub mod area_picker;
pub mod benchmarks;
pub mod charts;
pub mod compare;
pub mod embed_snippet;
pub mod explain;
pub mod fetch;
pub mod place_results;
pub mod presentation;
pub mod ranges;
pub mod role_table;
pub mod services_table;
pub mod share_export;
pub mod sources;
pub mod staff_import;
pub mod what_it_takes;
