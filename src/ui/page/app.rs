//! The page: inputs on the left, live results on the right (stacked on a
//! phone), scenarios and sharing below (loaded when they come near the
//! screen).

use yew::prelude::*;

use crate::ui::hooks::{
    initial_state, use_after_first_paint, use_persistence, use_render_timer,
    use_share_link_listener, use_undo_keys,
};
use crate::ui::page::{
    area::area_inputs, error_summary::error_summary, history::history_buttons,
    levers::levers_panel, notice::notice_banner, projection_inputs::projection_inputs,
    results::results_panel, roles::roles_editor, scenarios::ScenarioManager,
    services::services_editor, working_time::working_time_inputs,
};
use crate::ui::runtime::host_options::View;
use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::memo::memo;
use crate::ui::AppHandle;

#[function_component(App)]
pub fn app() -> Html {
    use_render_timer();
    let app: AppHandle = use_reducer(initial_state);
    use_persistence(&app);
    use_share_link_listener(&app);
    use_undo_keys(&app);
    let whole_page = use_after_first_paint();

    let embedded = app.host.embedded;
    // A framed page, a host's scenario or the embed view: the panels module
    // handles the host's options and its messages (`ui::runtime::embed`).
    let hosted = embedded
        || app.host.scenario_url.is_some()
        || app.host.scenario_json.is_some()
        || in_frame();
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
            <a class="skip-link" href="#results">{"Skip to results"}</a>
            if hosted {
                <div class="embed-host" hidden=true>
                    <PanelHost panel={Panel::Embed} id="embed" trigger={Trigger::Now("".into())} />
                </div>
            }
            if !embedded {
            <header class="masthead">
                <div class="container">
                    <p class="masthead__kicker">{"Plan the mental health workforce your population needs"}</p>
                    <h1 class="masthead__title">{"Mental Health Workforce Gap Calculator"}</h1>
                    <p class="masthead__lede">
                        {"Enter your population's need and today's staff to see the extra roles required, what they cost, and how the gap moves over ten years. Everything runs in this browser: no data leaves it."}
                    </p>
                </div>
            </header>
            }
            // In a host page's element, a labelled region (the host has its
            // own main landmark and h1); else the page's main.
            <@{if app.host.in_element { "section" } else { "main" }}
                class={classes!("container", embedded.then_some("container--embedded"))} id="main"
                aria-label={app.host.in_element.then_some("Mental Health Workforce Gap Calculator")}>
                if embedded && !app.host.in_element {
                    <h1 class="visually-hidden">{"Mental Health Workforce Gap Calculator"}</h1>
                }
                // Raised while presenting too (the marked states saved): not frozen.
                { notice_banner(&app) }
                { memo(Covered(app.presenting), { let app = app.clone(); move || page_body(&app, whole_page) }) }
                // Compare, share and export, sources and about: loaded when
                // they come near the screen (the panels module, not part of
                // the first load). Placed once the whole page is: in the
                // first render it would be near the first screen.
                if whole_page {
                    <PanelHost panel={Panel::More} id="more"
                        trigger={Trigger::Near("Show comparison, sharing and export, sources and about".into())} />
                }
            </@>
            // Presentation mode: loaded the first time it is turned on, then
            // kept (with its baseline and marked states) while it is off.
            if app.presented {
                <div class="presentation-host" hidden={!app.presenting}>
                    <PanelHost panel={Panel::Presentation} id="presentation"
                        trigger={Trigger::Now("Loading presentation mode...".into())} />
                </div>
            }
            if !embedded {
            <footer class="footer">
                <div class="container">
                    <p>{"Method: WHO Workload Indicators of Staffing Need (WISN) with a needs-based front end. Figures are planning estimates, not forecasts; check every default against your own data."}</p>
                </div>
            </footer>
            }
        </ContextProvider<AppHandle>>
    }
}

/// Whether presentation mode covers the page. While it does, the page is
/// not rendered again on each lever move (the room's figures repaint
/// sooner); it catches up when presentation mode ends.
struct Covered(bool);

impl PartialEq for Covered {
    fn eq(&self, other: &Self) -> bool {
        self.0 && other.0
    }
}

/// The error summary, the inputs and the results; until the
/// first paint (`whole_page` false) only the inputs and results on the
/// first screen.
fn page_body(app: &AppHandle, whole_page: bool) -> Html {
    let layout = classes!(
        "layout",
        (app.host.view == View::Results).then_some("layout--results-only")
    );
    html! {
        <>
            { error_summary(app) }
            { headline_bar(app) }
            <div class={layout}>
                <section class="layout__inputs" aria-labelledby="inputs-heading">
                    <h2 id="inputs-heading" class="visually-hidden">{"Inputs"}</h2>
                    { history_buttons(app) }
                    <ScenarioManager />
                    { area_inputs(app, whole_page) }
                    if whole_page {
                        { working_time_inputs(app) }
                        { services_editor(app) }
                        { roles_editor(app) }
                        { projection_inputs(app) }
                    }
                </section>
                <section class="layout__results" id="results" aria-labelledby="results-heading" tabindex="-1">
                    <h2 id="results-heading">{"Results"}</h2>
                    { levers_panel(app) }
                    { results_panel(app, whole_page) }
                </section>
            </div>
        </>
    }
}

/// On a phone (where the results stack under every input), the headline's
/// two main figures in a bar that stays at the top of the screen while the
/// user edits, one tap from the full results (which have a link back).
/// Hidden by the style sheet on wider screens.
fn headline_bar(app: &AppHandle) -> Html {
    let Some(results) = &app.results else {
        return html! {};
    };
    let t = &results.total;
    html! {
        <a class={classes!("headline-bar", app.stale.then_some("stale"))} href="#results" id="headline-bar">
            <span class="headline-bar__figure"><strong>{crate::format::wte(t.extra_wte)}</strong>{" extra WTE"}</span>
            <span class="headline-bar__figure"><strong>{crate::format::money_short(t.extra_cost)}</strong>{" a year"}</span>
            <span class="headline-bar__more">{if app.stale { "Out of date: see results" } else { "See results" }}</span>
        </a>
    }
}

/// Whether the page is shown inside another page's frame.
fn in_frame() -> bool {
    let window = gloo::utils::window();
    window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window))
}

/// Render the app into a `<workforce-gap-calculator>` element if the page
/// has one (a host page), else into `#app`, else into `<body>`.
pub fn mount() {
    let document = gloo::utils::document();
    let host = document
        .query_selector(crate::ui::ELEMENT_NAME)
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("app"));
    match host {
        Some(host) => {
            host.set_inner_html("");
            yew::Renderer::<App>::with_root(host).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
