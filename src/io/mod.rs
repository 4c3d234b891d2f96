//! Pure encoders and decoders for what leaves or enters the app: share links,
//! stored state, CSV, the areas' tables ([`areas`]). No browser imports;
//! tested natively. Decoders never panic: they return a message that says
//! what is wrong.

pub mod areas;
pub mod csv;
pub mod lz;
pub mod register;
pub mod share;
#[cfg(feature = "staff-import")]
pub mod staff_import;
pub mod stored;
#[cfg(feature = "workbook")]
pub mod workbook;
