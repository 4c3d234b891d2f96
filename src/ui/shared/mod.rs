//! What the page and the panels module both use: the charts' frame and the
//! projection chart ([`charts`]), how figures read ([`text`]), the results on
//! screen ([`results`]), the levers' list ([`levers`]) and the browser's
//! confirm question ([`confirm`]).

pub mod charts;
pub mod confirm;
pub mod levers;
pub mod results;
pub mod text;
