//! The scenario: everything a user enters (MODEL.md section 1).
//!
//! Field names are the contract shared by the UI, the share link, JSON
//! import/export and the JavaScript API: add fields, never rename them.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub use super::keyed::Keyed;

/// The `schema` every scenario file carries.
pub const SCHEMA: &str = "workforce-gap/scenario";
/// The scenario version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 3;

/// An age band of the population.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    /// 0-17.
    Children,
    /// 18-64.
    Adults,
    /// 65 and over.
    Older,
}

impl AgeBand {
    pub const ALL: [AgeBand; 3] = [AgeBand::Children, AgeBand::Adults, AgeBand::Older];

    pub const fn key(self) -> &'static str {
        match self {
            AgeBand::Children => "children",
            AgeBand::Adults => "adults",
            AgeBand::Older => "older",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            AgeBand::Children => "Children and young people (0-17)",
            AgeBand::Adults => "Adults (18-64)",
            AgeBand::Older => "Older people (65+)",
        }
    }
}

/// Staff group. New roles complement, never substitute, registered
/// professions, so every result is also reported per group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Registered,
    NewRole,
    Support,
    Vcse,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Registered,
        Group::NewRole,
        Group::Support,
        Group::Vcse,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Group::Registered => "registered",
            Group::NewRole => "new_role",
            Group::Support => "support",
            Group::Vcse => "vcse",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Group::Registered => "Registered professions",
            Group::NewRole => "New roles",
            Group::Support => "Support workers",
            Group::Vcse => "Voluntary and community (VCSE)",
        }
    }

    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }
}

/// Who employs the role: mental health care spans NHS, councils, VCSE and
/// private providers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Nhs,
    LocalAuthority,
    Vcse,
    Independent,
}

impl Sector {
    pub const ALL: [Sector; 4] = [
        Sector::Nhs,
        Sector::LocalAuthority,
        Sector::Vcse,
        Sector::Independent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Sector::Nhs => "nhs",
            Sector::LocalAuthority => "local_authority",
            Sector::Vcse => "vcse",
            Sector::Independent => "independent",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sector::Nhs => "NHS",
            Sector::LocalAuthority => "Local authority",
            Sector::Vcse => "Voluntary and community (VCSE)",
            Sector::Independent => "Independent sector",
        }
    }

    pub fn from_key(key: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Population {
    pub children: f64,
    pub adults: f64,
    pub older: f64,
}

impl Population {
    /// No one in any band.
    pub const NONE: Population = Population {
        children: 0.0,
        adults: 0.0,
        older: 0.0,
    };

    /// A population that was not in the file (NaN in every band).
    fn missing() -> Population {
        Population {
            children: f64::NAN,
            adults: f64::NAN,
            older: f64::NAN,
        }
    }

    pub fn get(&self, band: AgeBand) -> f64 {
        *self.band(band)
    }

    /// The band's number in place, to read ([`Population::get_mut`] to write).
    pub fn band(&self, band: AgeBand) -> &f64 {
        match band {
            AgeBand::Children => &self.children,
            AgeBand::Adults => &self.adults,
            AgeBand::Older => &self.older,
        }
    }

    pub fn get_mut(&mut self, band: AgeBand) -> &mut f64 {
        match band {
            AgeBand::Children => &mut self.children,
            AgeBand::Adults => &mut self.adults,
            AgeBand::Older => &mut self.older,
        }
    }

    pub fn total(&self) -> f64 {
        self.children + self.adults + self.older
    }
}

/// One area of a system (MODEL.md section 7): an integrated care board
/// models its places (sub-ICB locations, local authorities) side by side with
/// one set of services, roles and staff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// The area's official code (ONS or ODS), when it came from the area
    /// tables. The model ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub population: Population,
    pub need_index: f64,
    /// Where prefilled figures came from, keyed by the place's field name
    /// (`"population"`, `"need_index"`), e.g. "Census 2021 (ONS)". The model
    /// ignores them; saved scenarios, share links and exports keep them.
    #[serde(default, skip_serializing_if = "TextMap::is_empty")]
    pub sources: TextMap,
}

/// Text by key (a place's sources), sorted, written as a JSON object.
pub type TextMap = Keyed<String>;

impl Place {
    /// A place of no people at England's average need (1.0), with no
    /// sources: a blank for the user to fill.
    pub fn empty(id: &str, name: &str) -> Place {
        Place {
            id: id.to_string(),
            name: name.to_string(),
            code: None,
            population: Population::NONE,
            need_index: 1.0,
            sources: TextMap::default(),
        }
    }

    /// A base for a new id from the place's code or name: lower case
    /// letters, digits and underscores ("E08000035" -> "e08000035").
    pub fn id_base(&self) -> String {
        let from = self.code.as_deref().unwrap_or(&self.name);
        let mut id = String::new();
        for c in from.chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c.to_ascii_lowercase());
            } else if !id.is_empty() && !id.ends_with('_') {
                id.push('_');
            }
        }
        let id = id.trim_end_matches('_');
        if id.is_empty() {
            "place".to_string()
        } else {
            id.to_string()
        }
    }
}

/// WISN available working time inputs, per whole-time equivalent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkingTime {
    pub hours_per_week: f64,
    pub days_per_week: f64,
    pub weeks_per_year: f64,
    pub public_holidays: f64,
    pub annual_leave_days: f64,
    pub training_days: f64,
    pub sickness_rate: f64,
    pub non_clinical_share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub group: Group,
    pub sector: Sector,
    pub in_post_wte: f64,
    pub vacant_wte: f64,
    pub annual_cost: f64,
    pub leaver_rate: f64,
    pub joiners_per_year: f64,
    /// Set while the role's staff in post are a built-in's illustrative
    /// figures (the built-in's id, `"example"`), and cleared once the user
    /// types, pastes or imports the role's own. With the built-in's places
    /// changed (an area picked, a place added or edited), the page says the
    /// headline rests on staff that are not the user's
    /// ([`crate::model::examples::borrowed_staff`]). Missing is the user's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_post_example: Option<String>,
    /// Where new staff come from beyond today's joiners (MODEL.md section
    /// 8): training places that qualify after their course, and recruits
    /// from abroad. Missing (or `null`) is all zeros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline: Option<Pipeline>,
}

/// A role's training pipeline and international recruitment (MODEL.md
/// section 8). Every field a missing one reads as 0.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pipeline {
    /// Whole years from a place starting (year 1) to qualifying, 0..=15.
    pub training_years: f64,
    /// Share of starters who qualify, [0, 1].
    pub completion_rate: f64,
    /// Share of those qualifiers who join this workforce, [0, 1].
    pub join_rate: f64,
    /// Training places commissioned each year from year 1, on top of
    /// today's (whose output is already in `joiners_per_year`).
    pub extra_places_per_year: f64,
    /// Extra WTE recruited from abroad each year from year 1.
    pub international_per_year: f64,
}

impl Pipeline {
    /// WTE a year that join once the first cohort of extra places has
    /// qualified: `extra_places * completion * join`.
    pub fn trained_per_year(&self) -> f64 {
        self.extra_places_per_year * self.completion_rate * self.join_rate
    }

    /// The first projection year the extra places' qualifiers arrive in:
    /// `max(1, training_years)`.
    pub fn first_arrival_year(&self) -> u32 {
        if self.training_years.is_finite() && self.training_years > 1.0 {
            self.training_years.ceil().min(u32::MAX as f64) as u32
        } else {
            1
        }
    }

    /// Arrivals in the step to year `year` (>= 1): international recruits,
    /// plus the extra places' qualifiers once the first cohort is through.
    pub fn arrivals(&self, year: u32) -> f64 {
        if year == 0 {
            return 0.0;
        }
        let trained = if year >= self.first_arrival_year() {
            self.trained_per_year()
        } else {
            0.0
        };
        self.international_per_year + trained
    }
}

impl Role {
    /// The role's pipeline, all zeros when it has none.
    pub fn pipeline(&self) -> Pipeline {
        self.pipeline.clone().unwrap_or_default()
    }
}

/// How a service turns people treated into workload.
///
/// Written as `{"kind": "contacts", ...}`. Read through [`WorkloadFields`]:
/// serde's own reading of an internally tagged enum buffers every value
/// first, and costs about 3 KB gzip more in the WebAssembly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "WorkloadFields")]
pub enum Workload {
    /// Sessions or appointments: each person treated has a number of contacts.
    Contacts {
        contacts_per_person: f64,
        minutes_per_contact: f64,
    },
    /// People held on a caseload for some months, a caseload per WTE.
    Caseload {
        months_on_caseload: f64,
        caseload_per_wte: f64,
    },
    /// Inpatient beds: people to treat are admissions a year.
    Beds {
        length_of_stay_days: f64,
        target_occupancy: f64,
        wte_per_bed: f64,
    },
}

/// A workload as written in a scenario file: its kind and whichever numbers
/// are there. The numbers the kind needs must be present; others are
/// ignored, as they were before.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
struct WorkloadFields {
    kind: WorkloadKindName,
    contacts_per_person: Option<f64>,
    minutes_per_contact: Option<f64>,
    months_on_caseload: Option<f64>,
    caseload_per_wte: Option<f64>,
    length_of_stay_days: Option<f64>,
    target_occupancy: Option<f64>,
    wte_per_bed: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum WorkloadKindName {
    Contacts,
    Caseload,
    Beds,
}

impl TryFrom<WorkloadFields> for Workload {
    type Error = String;

    fn try_from(w: WorkloadFields) -> Result<Workload, String> {
        let need =
            |value: Option<f64>, name: &str| value.ok_or_else(|| format!("missing field `{name}`"));
        Ok(match w.kind {
            WorkloadKindName::Contacts => Workload::Contacts {
                contacts_per_person: need(w.contacts_per_person, "contacts_per_person")?,
                minutes_per_contact: need(w.minutes_per_contact, "minutes_per_contact")?,
            },
            WorkloadKindName::Caseload => Workload::Caseload {
                months_on_caseload: need(w.months_on_caseload, "months_on_caseload")?,
                caseload_per_wte: need(w.caseload_per_wte, "caseload_per_wte")?,
            },
            WorkloadKindName::Beds => Workload::Beds {
                length_of_stay_days: need(w.length_of_stay_days, "length_of_stay_days")?,
                target_occupancy: need(w.target_occupancy, "target_occupancy")?,
                wte_per_bed: need(w.wte_per_bed, "wte_per_bed")?,
            },
        })
    }
}

/// The three kinds of workload, without their numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkloadKind {
    Contacts,
    Caseload,
    Beds,
}

impl WorkloadKind {
    pub const ALL: [WorkloadKind; 3] = [
        WorkloadKind::Contacts,
        WorkloadKind::Caseload,
        WorkloadKind::Beds,
    ];

    pub fn key(self) -> &'static str {
        match self {
            WorkloadKind::Contacts => "contacts",
            WorkloadKind::Caseload => "caseload",
            WorkloadKind::Beds => "beds",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkloadKind::Contacts => "Contacts (sessions per person)",
            WorkloadKind::Caseload => "Caseload (people held per WTE)",
            WorkloadKind::Beds => "Beds (inpatient admissions)",
        }
    }

    pub fn from_key(key: &str) -> Option<WorkloadKind> {
        WorkloadKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl Workload {
    pub fn kind(&self) -> WorkloadKind {
        match self {
            Workload::Contacts { .. } => WorkloadKind::Contacts,
            Workload::Caseload { .. } => WorkloadKind::Caseload,
            Workload::Beds { .. } => WorkloadKind::Beds,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub ages: Vec<AgeBand>,
    pub prevalence: f64,
    pub current_coverage: f64,
    pub target_coverage: f64,
    pub workload: Workload,
    /// Share of the service's WTE carried by each role id; sums to 1.
    pub role_mix: Keyed<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub years: u32,
    pub demand_growth: f64,
    pub retention_improvement: f64,
    /// Whole years over which each service's coverage rises in a straight
    /// line from current to target (MODEL.md section 8); 0 = target from
    /// year 0. Version 1 and 2 files have none.
    #[serde(default)]
    pub ramp_years: f64,
}

impl Projection {
    /// The share of the way from current to target coverage in year
    /// `year`: 1 once the ramp is over (or with no ramp).
    pub fn ramp_share(&self, year: u32) -> f64 {
        let ramp = self.ramp_years;
        if ramp.is_nan() || ramp <= 0.0 || year as f64 >= ramp {
            1.0
        } else {
            year as f64 / ramp
        }
    }
}

/// A `[low, high]` range for one input, for the uncertainty run.
pub type Range = [f64; 2];

/// A scenario in the contract's format (version 3): one set of services,
/// roles and staff over one or more places, with an optional coverage ramp
/// and training pipelines.
///
/// Read through [`ScenarioFile`], which also takes version 1 (one population
/// and need index, read as a single place with id `"place"`) and version 2
/// (read as version 3 with no ramp and no pipelines).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ScenarioFile")]
pub struct Scenario {
    pub schema: String,
    pub version: u32,
    pub name: String,
    pub working_time: WorkingTime,
    pub roles: Vec<Role>,
    pub services: Vec<Service>,
    pub projection: Projection,
    /// Optional uncertainty ranges, keyed by input key (see
    /// [`crate::model::field::Field::key`]): `"need_index"`,
    /// `"working_time.sickness_rate"`, `"services.cmh.prevalence"`,
    /// `"roles.mh_nurse.leaver_rate"`, `"projection.demand_growth"`.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub ranges: Keyed<Range>,
    /// The areas the services serve; at least one (MODEL.md section 7).
    pub places: Vec<Place>,
    /// Optional: the user's note on any input, by input key ("why this
    /// value: our 2025 ESR extract"). Shown in the assumptions register and
    /// carried by every export. A note on an input that no longer exists is
    /// kept, not refused.
    #[serde(default, skip_serializing_if = "TextMap::is_empty")]
    pub notes: TextMap,
}

/// The id version 1 scenarios' single place is given when read.
pub const V1_PLACE_ID: &str = "place";

/// A scenario file as written, of version 1, 2 or 3: what [`Scenario`] reads
/// before it migrates a version 1 file (population and need index at the
/// top) to a single place.
#[derive(Deserialize)]
struct ScenarioFile {
    schema: String,
    version: u32,
    name: String,
    // Version 1 only. A missing value reads as NaN, which JSON cannot hold:
    // cheaper in the WebAssembly than `Option`s.
    #[serde(default = "Population::missing")]
    population: Population,
    #[serde(default = "f64_missing")]
    need_index: f64,
    working_time: WorkingTime,
    roles: Vec<Role>,
    services: Vec<Service>,
    projection: Projection,
    #[serde(default)]
    ranges: Keyed<Range>,
    /// Version 2. An empty list is the validator's to refuse ("add at least
    /// one place").
    #[serde(default)]
    places: Vec<Place>,
    #[serde(default)]
    notes: TextMap,
}

fn f64_missing() -> f64 {
    f64::NAN
}

impl TryFrom<ScenarioFile> for Scenario {
    type Error = String;

    fn try_from(file: ScenarioFile) -> Result<Scenario, String> {
        let mut ranges = file.ranges;
        let places = if file.version == 1 {
            if file.population.children.is_nan() {
                return Err("missing field `population`".to_string());
            }
            if file.need_index.is_nan() {
                return Err("missing field `need_index`".to_string());
            }
            // Version 1 range keys name the one place's inputs directly.
            for (old, new) in ranges
                .keys()
                .filter_map(|key| Some((key.clone(), migrate_v1_key(key)?)))
                .collect::<Vec<_>>()
            {
                if let Some(range) = ranges.remove(&old) {
                    ranges.insert(new, range);
                }
            }
            vec![Place {
                id: V1_PLACE_ID.to_string(),
                name: file.name.clone(),
                code: None,
                population: file.population,
                need_index: file.need_index,
                sources: TextMap::default(),
            }]
        } else {
            file.places
        };
        Ok(Scenario {
            schema: file.schema,
            // A version 1 or 2 file is a version 3 scenario now: no ramp
            // (serde's default 0) and no pipelines.
            version: if (1..CURRENT_VERSION).contains(&file.version) {
                CURRENT_VERSION
            } else {
                file.version
            },
            name: file.name,
            working_time: file.working_time,
            roles: file.roles,
            services: file.services,
            projection: file.projection,
            notes: file.notes,
            ranges,
            places,
        })
    }
}

/// A version 1 input key (`need_index`, `population.adults`) as the version
/// 2 key of the single place it becomes (`places.place.need_index`).
pub fn migrate_v1_key(key: &str) -> Option<String> {
    (key == "need_index" || key.starts_with("population."))
        .then(|| format!("places.{V1_PLACE_ID}.{key}"))
}

impl Scenario {
    /// The population of every place together.
    pub fn total_population(&self) -> Population {
        let mut total = Population::NONE;
        for place in &self.places {
            for band in AgeBand::ALL {
                *total.get_mut(band) += place.population.get(band);
            }
        }
        total
    }

    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.places.iter().position(|p| p.id == id)
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }

    pub fn service_index(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|s| s.id == id)
    }

    /// Serialise as pretty JSON in the contract's format. The one way the app
    /// writes a scenario (export, autosave, share link), so the WebAssembly
    /// carries one serialiser for it.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// An empty scenario with Example place's working time and projection
    /// (cited in `data/builtins/sources.csv`): a blank page for a user who
    /// wants to build their own area from nothing.
    pub fn blank() -> Scenario {
        let example = super::examples::example_place();
        Scenario {
            schema: SCHEMA.to_string(),
            version: CURRENT_VERSION,
            name: "New scenario".to_string(),
            working_time: example.working_time,
            roles: Vec::new(),
            services: Vec::new(),
            projection: example.projection,
            ranges: Keyed::default(),
            places: vec![Place::empty(V1_PLACE_ID, "New place")],
            notes: TextMap::default(),
        }
    }
}

/// Why a scenario file could not be read. Never a panic: every decoder in the
/// product returns one of these.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// Not JSON at all, or JSON of the wrong shape. `line`/`column` are 1-based.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    /// A JSON object, but not a workforce-gap scenario.
    WrongSchema { found: String },
    /// A scenario from a newer (or unknown) version of the calculator.
    UnknownVersion { found: String },
    /// More than the calculator takes (see [`Limits`]): what, and the limit.
    TooLarge { what: String },
}

/// The most one scenario may hold, however it arrives (a file, a share link,
/// saved state, the JavaScript API). Far above any real system (an ICB has
/// at most about fifteen places; the built-ins have 13 roles and 10
/// services), and low enough that the page stays responsive: a scenario
/// over them is refused with [`ScenarioError::TooLarge`] before it reaches
/// the page.
pub struct Limits;

impl Limits {
    /// Bytes of scenario JSON (the built-ins are about 10 KB).
    pub const TEXT_BYTES: usize = 2_000_000;
    pub const PLACES: usize = 100;
    pub const SERVICES: usize = 100;
    pub const ROLES: usize = 100;
    pub const RANGES: usize = 500;
    /// Entries in one place's `sources`.
    pub const SOURCES: usize = 100;
    /// Notes on inputs, and characters in one note.
    pub const NOTES: usize = 1000;
    pub const NOTE_CHARS: usize = 2000;
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Syntax {
                message,
                line: 0,
                ..
            } => write!(f, "This is not a valid scenario file: {message}."),
            ScenarioError::Syntax {
                message,
                line,
                column,
            } => write!(
                f,
                "This is not a valid scenario file: {message} (line {line}, column {column})."
            ),
            ScenarioError::WrongSchema { found } => write!(
                f,
                "This file is not a workforce-gap scenario: its \"schema\" is {found}, expected \"{SCHEMA}\"."
            ),
            ScenarioError::UnknownVersion { found } => write!(
                f,
                "This scenario is version {found}; this calculator reads versions 1 to {CURRENT_VERSION}. It may come from a newer release."
            ),
            ScenarioError::TooLarge { what } => {
                write!(f, "This scenario is too large for the calculator: {what}.")
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

fn syntax_error(e: &serde_json::Error) -> ScenarioError {
    // serde_json appends " at line L column C" itself; keep the message plain.
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    // An unknown field or value is quoted by serde_json whole: keep it short.
    let message = crate::format::shorten(message, 300);
    ScenarioError::Syntax {
        message,
        line: e.line(),
        column: e.column(),
    }
}

/// The two fields read before anything else, kept as raw JSON text so that
/// any value can be reported back as it was written.
#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow, default)]
    schema: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
}

/// Read a scenario from JSON text: checks `schema` and `version`, migrates old
/// versions to the current one, then decodes. Never panics.
///
/// Decoding goes straight from text to [`Scenario`] (no intermediate
/// `serde_json::Value`), which keeps the WebAssembly small.
pub fn parse_scenario(json: &str) -> Result<Scenario, ScenarioError> {
    if json.len() > Limits::TEXT_BYTES {
        return Err(ScenarioError::TooLarge {
            what: format!(
                "its text is {} bytes, and a scenario may have at most {} (2 MB)",
                crate::format::people(json.len() as f64),
                crate::format::people(Limits::TEXT_BYTES as f64)
            ),
        });
    }
    // A derived struct would also accept a JSON array; a scenario is an object.
    let first = json.trim_start().chars().next();
    if first.is_some() && first != Some('{') && serde_json::from_str::<&RawValue>(json).is_ok() {
        return Err(ScenarioError::Syntax {
            message: "expected a JSON object".to_string(),
            line: 1,
            column: 1,
        });
    }
    let header: Header = serde_json::from_str(json).map_err(|e| {
        let mut err = syntax_error(&e);
        if let ScenarioError::Syntax { message, .. } = &mut err {
            if message.starts_with("invalid type") {
                *message = "expected a JSON object".to_string();
            }
        }
        err
    })?;
    match header.schema.map(|raw| raw.get()) {
        Some(raw) if serde_json::from_str::<&str>(raw).ok() == Some(SCHEMA) => {}
        Some(other) => {
            return Err(ScenarioError::WrongSchema {
                found: crate::format::shorten(other, 60),
            })
        }
        None => {
            return Err(ScenarioError::WrongSchema {
                found: "missing".to_string(),
            })
        }
    }
    let version = match header.version.map(|raw| raw.get()) {
        Some(raw) => raw
            .parse::<u64>()
            .map_err(|_| ScenarioError::UnknownVersion {
                found: crate::format::shorten(raw, 30),
            })?,
        None => {
            return Err(ScenarioError::UnknownVersion {
                found: "missing".to_string(),
            })
        }
    };
    let migrated = migrate(json, version)?;
    let scenario: Scenario = serde_json::from_str(&migrated).map_err(|e| syntax_error(&e))?;
    check_limits(&scenario)?;
    Ok(scenario)
}

/// The `version` a scenario file's text says it is, if it says one in
/// plain digits: errors in a version 1 file are named at its own paths.
pub fn written_version(json: &str) -> Option<u64> {
    let header: Header = serde_json::from_str(json).ok()?;
    header.version?.get().parse().ok()
}

/// Refuse a scenario that holds more than [`Limits`] allows.
fn check_limits(scenario: &Scenario) -> Result<(), ScenarioError> {
    let most_sources = scenario.places.iter().map(|p| p.sources.len()).max();
    for (what, count, limit) in [
        ("places", scenario.places.len(), Limits::PLACES),
        ("services", scenario.services.len(), Limits::SERVICES),
        ("roles", scenario.roles.len(), Limits::ROLES),
        ("uncertainty ranges", scenario.ranges.len(), Limits::RANGES),
        (
            "sources in one place",
            most_sources.unwrap_or(0),
            Limits::SOURCES,
        ),
        ("notes", scenario.notes.len(), Limits::NOTES),
        (
            "characters in one note",
            scenario
                .notes
                .values()
                .map(|n| n.chars().count())
                .max()
                .unwrap_or(0),
            Limits::NOTE_CHARS,
        ),
    ] {
        if count > limit {
            return Err(ScenarioError::TooLarge {
                what: format!(
                    "it has {} {what}, and the calculator takes at most {limit}",
                    crate::format::people(count as f64)
                ),
            });
        }
    }
    Ok(())
}

/// Bring a scenario of `version` up to [`CURRENT_VERSION`]. Each future
/// version adds one step here (v1 -> v2 -> ...) that rewrites the text of
/// the older version, so old files keep opening.
fn migrate(json: &str, version: u64) -> Result<std::borrow::Cow<'_, str>, ScenarioError> {
    // Version 1 is read by [`ScenarioFile`] itself (one place).
    match version {
        1..=3 => Ok(std::borrow::Cow::Borrowed(json)),
        other => Err(ScenarioError::UnknownVersion {
            found: other.to_string(),
        }),
    }
}
