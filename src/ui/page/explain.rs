//! "How is this calculated?" under each service and role card: a closed
//! `<details>` whose content, the model's chain of figures with the user's
//! own numbers, is a panel (`crate::ui::panels::explain`).

use yew::prelude::*;

use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::results::explained;
use crate::ui::AppHandle;

/// Whose calculation to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Service(usize),
    Role(usize),
}

/// A closed "How is this calculated?" `<details>` under a service or role
/// card. Its content, the model's chain with the user's numbers
/// (`crate::ui::panels::explain::CardExplanation`), comes with the panels
/// module the first time a card's details are opened: the page carries none
/// of the explanation code.
pub fn explain(app: &AppHandle, subject: Subject) -> Html {
    let scenario = explained(app);
    // Only the item with the same id in the last valid scenario is explained.
    let (role, id) = match subject {
        Subject::Service(i) => (false, app.scenario.services.get(i).map(|s| &s.id)),
        Subject::Role(i) => (true, app.scenario.roles.get(i).map(|r| &r.id)),
    };
    let Some(id) = id else { return html! {} };
    let known = match subject {
        Subject::Service(_) => scenario.service_index(id).is_some(),
        Subject::Role(_) => scenario.role_index(id).is_some(),
    };
    if !known {
        return html! {};
    }
    let panel = Panel::Explain {
        role,
        id: AttrValue::from(id.clone()),
    };
    html! {
        <details class="explain">
            <summary>{"How is this calculated?"}</summary>
            <PanelHost id={format!("{}-steps", panel.name())} {panel}
                trigger={Trigger::Near("Show the calculation".into())} />
        </details>
    }
}
