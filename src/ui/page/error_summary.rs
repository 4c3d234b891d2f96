//! GOV.UK-style error summary: at the top, focusable, one link per problem
//! that moves focus to the field.

use yew::prelude::*;

use crate::ui::{dom_id, AppHandle};

/// The element an error's link should focus: an `.id` problem is fixed in the
/// name box; everything else has an element with the path's own id.
pub fn target_id(path: &str) -> String {
    match path.strip_suffix(".id") {
        Some(base) => dom_id(&format!("{base}.name")),
        None => dom_id(path),
    }
}

/// Move focus to an element by id and bring it into view, opening any closed
/// `<details>` around it first.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let mut parent = el.parent_element();
        while let Some(p) = parent {
            if p.tag_name().eq_ignore_ascii_case("details") {
                let _ = p.set_attribute("open", "");
            }
            parent = p.parent_element();
        }
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
            el.scroll_into_view();
        }
    }
}

pub fn error_summary(app: &AppHandle) -> Html {
    let errors = app.all_errors();
    if errors.is_empty() {
        return html! {};
    }
    let count = errors.len();
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
            <h2 class="error-summary__title" id="error-summary-title">
                {if count == 1 { "There is a problem".to_string() } else { format!("There are {count} problems") }}
            </h2>
            <p>{"The results below are from your last valid inputs and are marked out of date until these are fixed. What you typed has been kept."}</p>
            <ul class="error-summary__list">
                { for errors.iter().map(|e| {
                    let target = target_id(e.first_path());
                    let onclick = {
                        let target = target.clone();
                        Callback::from(move |ev: MouseEvent| {
                            ev.prevent_default();
                            focus_element(&target);
                        })
                    };
                    html! {
                        <li><a href={format!("#{target}")} {onclick}>{&e.message}</a></li>
                    }
                }) }
            </ul>
        </div>
    }
}
