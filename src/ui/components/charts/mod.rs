//! Hand-made, accessible SVG charts (no chart library).
//!
//! Each chart is a `<figure>` with a `<figcaption>` title; its `<svg>` has
//! `role="img"` and is labelled by a `<title>` and a `<desc>` sentence
//! computed from the data; a "Show data table" button reveals a real table of
//! the same numbers. Charts take plain data props (no app context), scale to
//! their container's width, and do not rely on colour alone (patterns,
//! dashes, marker shapes and direct labels). Styles: `www/charts.css`.
//!
//! - [`required_vs_in_post`]: WTE required against in post, by role.
//! - [`projection_chart`]: required against supply over the years, with the gap.
//! - [`supply_chart`]: where supply comes from (today's staff,
//!   joiners, training places, international) against required on its ramp.
//! - [`places_chart`]: required WTE per 100,000 residents, by place.
//! - [`tornado_chart`]: how the result moves as each input is lowered/raised.

pub mod bar;
pub mod figure;
pub mod places;
pub mod projection;
pub mod supply;
pub mod tornado;

pub use bar::{required_vs_in_post, BarRow, RequiredVsInPostProps};
pub use figure::{nice_range, nice_ticks, ChartFigure, ChartFigureProps};
pub use places::{places_chart, PlaceBar, PlacesChartProps};
pub use projection::{projection_chart, ProjectionChartProps, ProjectionPoint};
pub use supply::{supply_chart, system_supply, SupplyChartProps, SupplyPoint};
pub use tornado::{tornado_chart, TornadoChartProps, TornadoRow};
