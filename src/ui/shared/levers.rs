//! The levers: the inputs a room moves together. The page shows them as
//! sliders (`crate::ui::page::levers`); a host page's
//! `lock=all-but-levers` (`crate::ui::runtime::host_options`), read in both
//! modules, leaves them free.

use crate::model::field::{Field, ProjectionField, WorkingTimeField};

/// A lever: a field and the slider's range, in stored units.
pub struct Lever {
    pub field: Field,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// The levers, in the panel's order: the first place's need index, then
/// inputs of the whole scenario. A host page's `lock=all-but-levers`
/// (`ui::runtime::host_options`) leaves these free, the need index of every place.
pub static LEVERS: [Lever; 5] = [
    Lever {
        field: Field::NeedIndex(0),
        min: 0.5,
        max: 2.0,
        step: 0.05,
    },
    Lever {
        field: Field::WorkingTime(WorkingTimeField::SicknessRate),
        min: 0.0,
        max: 0.15,
        step: 0.005,
    },
    Lever {
        field: Field::WorkingTime(WorkingTimeField::NonClinicalShare),
        min: 0.1,
        max: 0.6,
        step: 0.01,
    },
    Lever {
        field: Field::Projection(ProjectionField::DemandGrowth),
        min: -0.02,
        max: 0.1,
        step: 0.002,
    },
    Lever {
        field: Field::Projection(ProjectionField::RetentionImprovement),
        min: 0.0,
        max: 0.5,
        step: 0.01,
    },
];
