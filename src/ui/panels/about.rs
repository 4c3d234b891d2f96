//! About: why the calculator exists and how its levers map to what health and
//! care leaders said the workforce needs.

use yew::prelude::*;

/// Service lines the built-in scenarios leave out: said wherever staff in
/// post are entered or results read, so a user adds the lines she needs.
pub use crate::model::NOT_MODELLED;

/// A plain view function, not a component: it has no hooks, and each
/// function component costs about 600 bytes gzip of Yew machinery.
pub fn about() -> Html {
    html! {
        <section class="panel panel--plain about" aria-labelledby="about-heading">
            <h2 id="about-heading">{"About this calculator"}</h2>
            <p>{"Health and care leaders, at a roundtable of the Centre for Mental Health, Mind and the NHS Confederation's Mental Health Network, said the mental health workforce must grow, diversify and be planned a decade ahead. This calculator turns that into numbers for your own area: start from your population's need, not from last year's establishment."}</p>
            <ul class="about__list">
                <li><strong>{"Unmet need. "}</strong>{"In 2014 about two-thirds of people with a common mental health problem got no formal treatment; by 2023/4 it was still about half. Current and target coverage show the gap between today and your ambition, and \"untreated today\" counts the people behind it."}</li>
                <li><strong>{"The poorest mental health meets the worst access. "}</strong>{"People in the most deprived fifth of areas are nearly twice as likely to have a common mental health condition. The need index scales every service for your area's deprivation."}</li>
                <li><strong>{"Inpatient pressure. "}</strong>{"Wards run near 95% occupancy against a recommended 85%, with high sickness and vacancies. Target occupancy, WTE per bed and vacancies are inputs, so you can see what safer occupancy costs in posts. Sickness absence and non-clinical time move only the services counted in contacts; for wards and caseloads, allow for them in WTE per bed and caseload per WTE."}</li>
                <li><strong>{"Retention as well as recruitment. "}</strong>{"Leaders must understand why people leave and persuade them to stay. The projection shows how leaver rates and joiners move the gap each year, and the retention lever shows what keeping staff is worth."}</li>
                <li><strong>{"New roles complement, never substitute. "}</strong>{"Peer support workers, psychological wellbeing practitioners and other new roles are counted in their own group, never netted against registered professions."}</li>
                <li><strong>{"The voluntary sector, and the whole system. "}</strong>{"Mental health care spans the NHS, councils, the voluntary and community sector (VCSE) and private providers; results are reported by sector too, for integrated care boards planning across all of them."}</li>
                <li><strong>{"Physical health. "}</strong>{"People with severe mental illness die 15 to 20 years earlier; physical health checks are a service line with their own workload."}</li>
            </ul>
            <h3>{"What is counted, and what is not"}</h3>
            <p>{"The model covers the service lines listed, not a whole mental health workforce. "}{NOT_MODELLED}{" Staff in post must count only the people who work in the service lines listed: a trust's whole workforce return entered against them shows a surplus that is not there."}</p>
            <h3>{"How it works"}</h3>
            <p>{"Population x prevalence x need index gives people in need; x target coverage, people to treat; their contacts, caseload or bed-days give workload; divided by each WTE's clinical hours (WHO's Workload Indicators of Staffing Need) gives required WTE, split across roles by each service's role mix. The gap against staff in post, its cost, and a ten-year projection of leavers and joiners follow. Every default is editable and cited, or marked illustrative, in the sources list."}</p>
            <h3>{"Your data stays here"}</h3>
            <p>{"The calculator is a set of static files. It makes no requests to any other site, works offline after your first visit, and keeps your scenarios only in this browser's storage. A share link carries the scenario inside the link itself."}</p>
        </section>
    }
}
