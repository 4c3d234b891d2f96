//! Undo and redo buttons for every edit of the scenario (the keys, Ctrl+Z
//! and Ctrl+Shift+Z or Ctrl+Y, are in [`crate::ui::hooks::use_undo_keys`]).

use yew::prelude::*;

use crate::ui::state::{Action, HistoryAction};
use crate::ui::AppHandle;

pub fn history_buttons(app: &AppHandle) -> Html {
    let on = |step: HistoryAction| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::History(step)))
    };
    let history = &app.history;
    html! {
        <div class="history" aria-label="Edit history" role="group">
            <button type="button" class="button button--secondary button--small" onclick={on(HistoryAction::Undo)}
                disabled={!history.can_undo()} aria-keyshortcuts="Control+Z">{"Undo"}</button>
            <button type="button" class="button button--secondary button--small" onclick={on(HistoryAction::Redo)}
                disabled={!history.can_redo()} aria-keyshortcuts="Control+Shift+Z Control+Y">{"Redo"}</button>
            <span class="history__hint">{"Ctrl+Z undoes any change to the scenario, Ctrl+Shift+Z redoes it."}</span>
        </div>
    }
}
