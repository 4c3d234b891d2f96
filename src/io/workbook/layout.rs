//! Where rows land, known before any sheet is written, so that sheets can
//! refer to each other.

use super::sheet::at;
use super::PROJECTION;
use crate::model::compute::MAX_PROJECTION_YEARS;
use crate::model::scenario::Scenario;

// Projection blocks, top to bottom.
/// The coverage ramp: each year's share of the way from today's coverage to
/// the target, and each service's coverage.
pub(super) const PJ_RAMP: u32 = 0;
pub(super) const PJ_REQUIRED: u32 = 1;
pub(super) const PJ_ARRIVALS: u32 = 2;
pub(super) const PJ_SUPPLY: u32 = 3;
pub(super) const PJ_SHORTFALL: u32 = 4;
/// The ramp block's column of the share (services follow it).
pub(super) const PJ_SHARE_COL: u16 = 1;

pub(super) struct Layout {
    /// First data row of Services by place; rows run service by service,
    /// place by place.
    by_place_first: u32,
    pub(super) places: usize,
    /// First data row of Services, Places and Roles.
    first: u32,
    pub(super) roles: usize,
    pub(super) services: usize,
    /// Projection years.
    pub(super) years: u32,
}

impl Layout {
    pub(super) fn new(scenario: &Scenario) -> Layout {
        Layout {
            by_place_first: 3,
            places: scenario.places.len(),
            first: 3,
            roles: scenario.roles.len(),
            services: scenario.services.len(),
            years: scenario.projection.years.min(MAX_PROJECTION_YEARS),
        }
    }

    pub(super) fn by_place_row(&self, service: usize, place: usize) -> u32 {
        self.by_place_first + (service * self.places + place) as u32
    }

    pub(super) fn service_row(&self, service: usize) -> u32 {
        self.first + service as u32
    }

    pub(super) fn place_row(&self, place: usize) -> u32 {
        self.first + place as u32
    }

    pub(super) fn role_row(&self, role: usize) -> u32 {
        self.first + role as u32
    }

    pub(super) fn roles_total_row(&self) -> u32 {
        self.first + self.roles as u32
    }

    pub(super) fn services_total_row(&self) -> u32 {
        self.first + self.services as u32
    }

    /// Projection blocks ([`PJ_RAMP`], [`PJ_REQUIRED`], [`PJ_ARRIVALS`],
    /// [`PJ_SUPPLY`], [`PJ_SHORTFALL`]). The header row of block `k`; its
    /// years follow, one row each.
    pub(super) fn projection_header(&self, block: u32) -> u32 {
        3 + block * (self.years + 4)
    }

    pub(super) fn projection_row(&self, block: u32, year: u32) -> u32 {
        self.projection_header(block) + 1 + year
    }

    /// Projection column of a role (column 0 holds the year).
    pub(super) fn projection_col(&self, role: usize) -> u16 {
        1 + role as u16
    }

    pub(super) fn projection_total_col(&self) -> u16 {
        1 + self.roles as u16
    }

    /// The final year's row of a projection block.
    pub(super) fn projection_final(&self, block: u32) -> u32 {
        self.projection_row(block, self.years)
    }

    /// The Projection cell of a year's share of the way from today's
    /// coverage to the target (the coverage ramp).
    pub(super) fn ramp_share(&self, year: u32) -> String {
        at(PROJECTION, self.projection_row(PJ_RAMP, year), PJ_SHARE_COL)
    }

    /// The Projection cell that holds the number of years (the final year).
    pub(super) fn years_cell(&self) -> String {
        at(PROJECTION, self.projection_final(PJ_REQUIRED), 0)
    }
}
