//! A dismissible message about something the user did or opened.

use yew::prelude::*;

use crate::ui::hooks::clear_location_hash;
use crate::ui::state::{Action, LibraryAction, NoticeKind, Origin, UiAction};
use crate::ui::AppHandle;

pub fn notice_banner(app: &AppHandle) -> Html {
    let shared = app.origin == Origin::SharedLink;
    let Some(notice) = app.notice.clone() else {
        return if shared {
            keep_bar(app)
        } else {
            html! {}
        };
    };
    let class = match notice.kind {
        NoticeKind::Success => "notice notice--success",
        NoticeKind::Error => "notice notice--error",
        NoticeKind::Info => "notice notice--info",
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Ui(UiAction::DismissNotice)))
    };
    html! {
        <div class={class} role={if notice.kind == NoticeKind::Error { "alert" } else { "status" }}>
            <p class="notice__text">{notice.text.clone()}</p>
            if shared { {keep_bar(app)} }
            <button type="button" class="button button--secondary button--small" onclick={dismiss}>{"Dismiss"}</button>
        </div>
    }
}

fn keep_bar(app: &crate::ui::AppHandle) -> Html {
    let keep = {
        let app = app.clone();
        Callback::from(move |_| {
            clear_location_hash();
            app.dispatch(Action::Library(LibraryAction::KeepShared {
                saved_at: crate::ui::hooks::saved_at_now(),
            }));
        })
    };
    html! {
        <p class="notice__actions">
            <button type="button" class="button" onclick={keep}>{"Keep this scenario"}</button>
            {" Saves it to your scenarios and turns autosave back on."}
        </p>
    }
}
