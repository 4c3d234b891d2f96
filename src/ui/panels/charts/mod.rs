//! The charts only the panels module draws, in the frame of
//! [`crate::ui::shared::charts`]:
//!
//! - [`supply_chart`]: where supply comes from (today's staff,
//!   joiners, training places, international) against required on its ramp.
//! - [`places_chart`]: required WTE per 100,000 residents, by place.
//! - [`tornado_chart`]: how the result moves as each input is lowered/raised.

pub mod places;
pub mod supply;
pub mod tornado;

pub use places::{places_chart, PlaceBar, PlacesChartProps};
pub use supply::{supply_chart, system_supply, SupplyChartProps, SupplyPoint};
pub use tornado::{tornado_chart, TornadoChartProps, TornadoRow};
