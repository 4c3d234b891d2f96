//! "Embed this": the HTML an intranet editor pastes to show the current
//! scenario in another page, as an iframe (with the host options of
//! [`crate::ui::runtime::host_options`]) or as the `<workforce-gap-calculator>`
//! element. In the panels module, with sharing and export.

use yew::prelude::*;

use crate::io::share;
use crate::ui::runtime::host_options::View;
use crate::ui::use_app;

/// `&`, `<`, `>` and `"` escaped, for an attribute in double quotes.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn options(view: View, levers_only: bool) -> Vec<(&'static str, &'static str)> {
    let mut o = vec![("embed", "")];
    match view {
        View::Calculator => {}
        View::Results => o.push(("view", "results")),
        View::Present => o.push(("view", "present")),
    }
    if levers_only {
        o.push(("lock", "all-but-levers"));
    }
    o
}

/// An iframe of the calculator at `page_url` (its address, without query or
/// fragment) showing the scenario of share fragment `fragment`.
pub fn iframe_snippet(page_url: &str, fragment: &str, view: View, levers_only: bool) -> String {
    let query: Vec<String> = options(view, levers_only)
        .into_iter()
        .map(|(k, v)| {
            if v.is_empty() {
                k.to_string()
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    format!(
        "<iframe src=\"{}\" title=\"Mental Health Workforce Gap Calculator\" width=\"100%\" height=\"900\" style=\"border: 0\"></iframe>",
        attribute(&format!("{page_url}?{}#{fragment}", query.join("&")))
    )
}

/// The custom element, loaded from the calculator at `page_url`, with the
/// scenario inline.
pub fn element_snippet(
    page_url: &str,
    scenario_json: &str,
    view: View,
    levers_only: bool,
) -> String {
    let base = page_url
        .rsplit_once('/')
        .map(|(b, _)| format!("{b}/"))
        .unwrap_or_default();
    let attrs: Vec<String> = options(view, levers_only)
        .into_iter()
        .map(|(k, v)| {
            if v.is_empty() {
                k.to_string()
            } else {
                format!("{k}=\"{v}\"")
            }
        })
        .collect();
    format!(
        "<script type=\"module\" src=\"{}element.js\"></script>\n<workforce-gap-calculator {} scenario-json=\"{}\"></workforce-gap-calculator>",
        attribute(&base),
        attrs.join(" "),
        attribute(scenario_json)
    )
}

#[function_component(EmbedSnippet)]
pub fn embed_snippet() -> Html {
    let app = use_app();
    let view = use_state(|| View::Calculator);
    let levers_only = use_state(|| false);
    let location = gloo::utils::window().location();
    let page_url = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let iframe = iframe_snippet(
        &page_url,
        &share::encode(&app.scenario),
        *view,
        *levers_only,
    );
    let compact = serde_json::to_string(&*app.scenario).unwrap_or_default();
    let element = element_snippet(&page_url, &compact, *view, *levers_only);
    let on_view = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            view.set(match select.value().as_str() {
                "results" => View::Results,
                "present" => View::Present,
                _ => View::Calculator,
            });
        })
    };
    let on_levers = {
        let levers_only = levers_only.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            levers_only.set(input.checked());
        })
    };
    html! {
        <section class="panel embed-this no-print" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{"Embed this"}</h2>
            <p>{"Put this scenario in an intranet page. The page needs no server of its own: the calculator runs in the reader's browser, from where it is hosted."}</p>
            <div class="field">
                <label class="field__label" for="embed-view">{"What readers see"}</label>
                <select id="embed-view" class="field__select" onchange={on_view}>
                    <option value="calculator" selected={*view == View::Calculator}>{"The calculator (inputs and results)"}</option>
                    <option value="results" selected={*view == View::Results}>{"The results only"}</option>
                    <option value="present" selected={*view == View::Present}>{"Presentation mode"}</option>
                </select>
            </div>
            <div class="checkbox">
                <input type="checkbox" id="embed-levers" checked={*levers_only} onchange={on_levers} />
                <label for="embed-levers">{"Readers can move only the levers (every other input is locked to this scenario's)"}</label>
            </div>
            <div class="field">
                <label class="field__label" for="embed-iframe">{"As an iframe"}</label>
                <textarea id="embed-iframe" class="field__textarea" readonly=true rows="4" value={iframe} />
            </div>
            <div class="field">
                <label class="field__label" for="embed-element">{"As an element, without an iframe"}</label>
                <div class="field__hint">{"Its stylesheet also styles the host page's text; the iframe keeps the two apart."}</div>
                <textarea id="embed-element" class="field__textarea" readonly=true rows="4" value={element} />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::runtime::host_options::HostOptions;

    #[test]
    fn the_iframe_snippet_carries_the_options_and_the_scenario() {
        let s = iframe_snippet(
            "https://intranet.nhs.uk/tools/gap/",
            "scenario=abc",
            View::Results,
            true,
        );
        assert_eq!(
            s,
            "<iframe src=\"https://intranet.nhs.uk/tools/gap/?embed&amp;view=results&amp;lock=all-but-levers#scenario=abc\" title=\"Mental Health Workforce Gap Calculator\" width=\"100%\" height=\"900\" style=\"border: 0\"></iframe>"
        );
        // What the calculator reads back from that address.
        let o = HostOptions::from_query("?embed&view=results&lock=all-but-levers");
        assert!(o.embedded && o.view == View::Results && o.is_locked("services.cmh.prevalence"));
    }

    #[test]
    fn the_element_snippet_escapes_the_scenario_into_its_attribute() {
        let s = element_snippet(
            "https://x.nhs.uk/gap/index.html",
            "{\"name\":\"A & <B>\"}",
            View::Calculator,
            false,
        );
        assert!(
            s.starts_with(
                "<script type=\"module\" src=\"https://x.nhs.uk/gap/element.js\"></script>"
            ),
            "{s}"
        );
        assert!(
            s.contains("scenario-json=\"{&quot;name&quot;:&quot;A &amp; &lt;B&gt;&quot;}\""),
            "{s}"
        );
        assert!(
            s.contains("<workforce-gap-calculator embed scenario-json"),
            "{s}"
        );
    }
}
