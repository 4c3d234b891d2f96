//! A part of the page that renders again only when what it shows changed:
//! [`memo`] takes that (the part's slice of the app state, compared with
//! `PartialEq`) and the view that shows it. On a keystroke in one role's
//! row, the other rows, the places and the working time are skipped: Yew
//! neither builds nor diffs them (issue 17: a re-render of every input on
//! every edit was half of what a slow laptop waited for).
//!
//! One component type for every such part, so that the first load carries
//! its Yew machinery once (each component type costs about 600 bytes gzip).
//!
//! The rule a caller keeps: `deps` holds everything the view reads that can
//! change (a callback in the view may hold the app handle it was built
//! with, so it must only dispatch, never read the state).

use std::any::Any;
use std::rc::Rc;

use yew::prelude::*;

/// What a memoised part shows, compared with what it showed last time.
pub trait Deps: Any {
    fn same(&self, other: &dyn Deps) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + 'static> Deps for T {
    fn same(&self, other: &dyn Deps) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Properties)]
pub struct MemoProps {
    deps: Rc<dyn Deps>,
    view: Rc<dyn Fn() -> Html>,
}

impl PartialEq for MemoProps {
    /// Equal when what the part shows is: the view is then not run.
    fn eq(&self, other: &Self) -> bool {
        self.deps.same(&*other.deps)
    }
}

#[function_component(Memo)]
fn memo_part(props: &MemoProps) -> Html {
    (props.view)()
}

/// `view()`, run again only when `deps` differs from the last render's.
pub fn memo<D: PartialEq + 'static>(deps: D, view: impl Fn() -> Html + 'static) -> Html {
    let deps: Rc<dyn Deps> = Rc::new(deps);
    let view: Rc<dyn Fn() -> Html> = Rc::new(view);
    html! { <Memo {deps} {view} /> }
}

/// [`memo`] for an item of a list that can be reordered: `key` keeps the
/// item's elements (and the focus in them) with it when it moves.
pub fn memo_keyed<D: PartialEq + 'static>(
    key: &str,
    deps: D,
    view: impl Fn() -> Html + 'static,
) -> Html {
    let deps: Rc<dyn Deps> = Rc::new(deps);
    let view: Rc<dyn Fn() -> Html> = Rc::new(view);
    html! { <Memo key={key} {deps} {view} /> }
}

/// Always different: for a part that reads more than can be listed (a
/// service's full card with its explanation), rendered on every change.
#[derive(Clone, Copy)]
pub struct Always;

impl PartialEq for Always {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}
