//! What the page and the panels module both use: the charts' frame and the
//! projection chart ([`charts`]), how figures read ([`text`]), the results on
//! screen ([`results`]), the levers' list ([`levers`]), the browser's
//! confirm question ([`confirm`]) and the parts of a view that render again
//! only when what they show changed ([`memo`]).

pub mod charts;
pub mod confirm;
pub mod levers;
pub mod memo;
pub mod results;
pub mod text;
