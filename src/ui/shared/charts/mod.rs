//! Hand-made, accessible SVG charts (no chart library).
//!
//! Each chart is a `<figure>` with a `<figcaption>` title; its `<svg>` has
//! `role="img"` and is labelled by a `<title>` and a `<desc>` sentence
//! computed from the data; a "Show data table" button reveals a real table of
//! the same numbers. Charts take plain data props (no app context), scale to
//! their container's width, and do not rely on colour alone (patterns,
//! dashes, marker shapes and direct labels). Styles: the "Charts" section of `www/styles.css`.
//!
//! Here, in both modules: the frame every chart is drawn in ([`figure`]) and
//! - [`projection_chart`]: required against supply over the years, with the
//!   gap (the page's results, the analysis panel and presentation mode).
//!
//! The page's own chart: [`crate::ui::page::required_vs_in_post`] (WTE
//! required against in post, by role). The panels' charts:
//! [`crate::ui::panels::charts`] (supply, places, tornado).

pub mod figure;
pub mod projection;

pub use figure::{nice_range, nice_ticks, ChartFigure, ChartFigureProps};
pub use projection::{projection_chart, ProjectionChartProps, ProjectionPoint};
