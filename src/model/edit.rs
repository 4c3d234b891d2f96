//! Every edit a user makes to a scenario, as data ([`Edit`]), and what it
//! does ([`apply`]): pure functions beside the model, tested natively
//! (`tests/edits.rs`). The app's reducer (`ui::state`) applies them, records
//! the undo step and recomputes; this module knows nothing of either.
//!
//! An edit never panics: an index or key that names nothing changes nothing.
//! An edit that would take a list past what a scenario may hold ([`Limits`])
//! changes nothing and says so ([`Refused`]): everything the app saves must
//! open again.

use crate::format;
use crate::model::defaults;
use crate::model::field::{Field, RoleField};
use crate::model::scenario::{AgeBand, Group, Limits, Place, Scenario, Sector, WorkloadKind};

/// Which text field of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum TextField {
    ScenarioName,
    PlaceName(usize),
    RoleName(usize),
    ServiceName(usize),
}

impl TextField {
    /// The field's validation path (`places[0].name`).
    pub fn path(&self) -> String {
        match self {
            TextField::ScenarioName => "name".to_string(),
            TextField::PlaceName(i) => format!("places[{i}].name"),
            TextField::RoleName(i) => format!("roles[{i}].name"),
            TextField::ServiceName(i) => format!("services[{i}].name"),
        }
    }
}

/// One edit of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The user typed into a numeric input: the value when the text is a
    /// number, and the text as typed either way.
    SetNumber {
        field: Field,
        text: String,
    },
    /// A lever (slider) moved: a value, not text.
    SetValue {
        field: Field,
        value: f64,
    },
    /// A value for the input with this key ([`Field::key`]): a lever moved in
    /// a lazily loaded panel.
    SetByKey {
        key: String,
        value: f64,
    },
    SetText {
        field: TextField,
        value: String,
    },
    AddPlace,
    RemovePlace(usize),
    MovePlace {
        index: usize,
        up: bool,
    },
    /// Fill place `index` (its name, code, population, need index and their
    /// sources; its id stays) from an area, or add it as a new place (None,
    /// or an index past the last place).
    FillPlace {
        index: Option<usize>,
        place: Box<Place>,
    },
    /// Replace every place (an ICB's sub-ICB locations or local
    /// authorities). Ranges of places that go are dropped. An empty list
    /// changes nothing: a scenario keeps at least one place.
    ReplacePlaces(Vec<Place>),
    SetRoleGroup(usize, Group),
    SetRoleSector(usize, Sector),
    AddRole,
    RemoveRole(usize),
    ToggleAge(usize, AgeBand),
    SetWorkloadKind(usize, WorkloadKind),
    AddService,
    RemoveService(usize),
    MoveService {
        index: usize,
        up: bool,
    },
    /// Scale a service's role mix so it adds up to 100%.
    NormaliseRoleMix(usize),
    /// Put a role into a service's mix (at 0%), or take it out.
    AddToRoleMix {
        service: usize,
        role: String,
    },
    RemoveFromRoleMix {
        service: usize,
        role: String,
    },
    /// Set or clear (None) an uncertainty range, by field key.
    SetRange {
        key: String,
        range: Option<[f64; 2]>,
    },
    /// The user's note on the input with this key; empty text removes it.
    SetNote {
        key: String,
        text: String,
    },
    /// Staff in post from an imported file (one undo step): each listed
    /// role's in post (and funded vacancies, when the file had them), as
    /// the user's own.
    StaffInPost(crate::model::staff_in_post::StaffInPost),
    /// A block pasted from a spreadsheet ([`crate::model::paste::plan`]):
    /// numbers as typed text, each read as its input reads it (a cell that
    /// is not a number is kept as pasted, with its problem), and names.
    /// One undo step.
    Paste {
        numbers: Vec<(Field, String)>,
        names: Vec<(TextField, String)>,
    },
}

impl Edit {
    /// The input this edit types into, by validation path: typing into one
    /// input again continues the same undo step.
    pub fn typing_in(&self) -> Option<String> {
        match self {
            Edit::SetNumber { field, .. } => Some(field.path()),
            Edit::SetText { field, .. } => Some(field.path()),
            _ => None,
        }
    }
}

/// What an edit does to the text the user typed into numeric inputs, which
/// the app keeps by validation path ([`Field::path`]) beside the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Typed {
    /// The typed text stays as it is.
    Unchanged,
    /// The input at `path` now shows `text`; `problem` says why it is not a
    /// number (the scenario then keeps its value).
    Keep {
        path: String,
        text: String,
        problem: Option<String>,
    },
    /// The input at this path shows its value again.
    Forget(String),
    /// Every input whose path starts with this shows its value again.
    ForgetUnder(String),
    /// Items moved or went: paths no longer line up, every input shows its
    /// value again.
    ForgetAll,
    /// Several inputs at once (a paste), each as said.
    Many(Vec<Typed>),
}

/// Why an edit changed nothing: a sentence for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused(pub String);

/// What a place's source says once the user types over a prefilled value.
pub const ENTERED_BY_YOU: &str = "Entered by you";

/// Apply `edit` to `scenario`: what it did to the typed text, or why it
/// changed nothing.
pub fn apply(scenario: &mut Scenario, edit: Edit) -> Result<Typed, Refused> {
    let s = scenario;
    Ok(match edit {
        Edit::SetNumber { field, text } => {
            let problem = set_typed(s, &field, &text);
            Typed::Keep {
                path: field.path(),
                text,
                problem,
            }
        }
        Edit::StaffInPost(staff) => {
            staff.apply(s);
            // The inputs of the roles it set show their new values.
            Typed::Many(
                staff
                    .roles
                    .iter()
                    .filter_map(|set| s.role_index(&set.role_id))
                    .flat_map(|i| {
                        [RoleField::InPostWte, RoleField::VacantWte]
                            .map(|f| Typed::Forget(Field::Role(i, f).path()))
                    })
                    .collect(),
            )
        }
        Edit::Paste { numbers, names } => {
            let mut typed = Vec::with_capacity(numbers.len());
            for (field, text) in numbers {
                // A field naming nothing (a role that went) is skipped.
                if field.get(s).is_none() {
                    continue;
                }
                typed.push(match set_typed(s, &field, &text) {
                    None => Typed::Forget(field.path()),
                    problem => Typed::Keep {
                        path: field.path(),
                        problem,
                        text,
                    },
                });
            }
            for (field, name) in names {
                set_text(s, field, name);
            }
            Typed::Many(typed)
        }
        Edit::SetValue { field, value } => {
            set_by_user(s, &field, value);
            Typed::Forget(field.path())
        }
        Edit::SetByKey { key, value } => match Field::from_key(s, &key) {
            Some(field) => {
                set_by_user(s, &field, value);
                Typed::Forget(field.path())
            }
            None => Typed::Unchanged,
        },
        Edit::SetText { field, value } => {
            set_text(s, field, value);
            Typed::Unchanged
        }
        Edit::AddPlace => {
            room(s.places.len(), Limits::PLACES, "places")?;
            let id = fresh_id("place", |id| s.place_index(id).is_some());
            let n = s.places.len() + 1;
            s.places.push(Place::empty(&id, &format!("Place {n}")));
            Typed::Unchanged
        }
        Edit::RemovePlace(i) => {
            // A scenario keeps at least one place.
            if i < s.places.len() && s.places.len() > 1 {
                let id = s.places.remove(i).id;
                drop_ranges_under(s, &format!("places.{id}."));
                Typed::ForgetAll
            } else {
                Typed::Unchanged
            }
        }
        Edit::MovePlace { index, up } => moved(move_item(&mut s.places, index, up)),
        Edit::FillPlace { index, place } => {
            match index.and_then(|i| s.places.get_mut(i)) {
                Some(target) => {
                    let Place {
                        name,
                        code,
                        population,
                        need_index,
                        sources,
                        ..
                    } = *place;
                    target.name = name;
                    target.code = code;
                    target.population = population;
                    target.need_index = need_index;
                    target.sources = sources;
                }
                None => {
                    room(s.places.len(), Limits::PLACES, "places")?;
                    let mut place = *place;
                    let taken = |id: &str| s.place_index(id).is_some();
                    if place.id.is_empty() || taken(&place.id) {
                        let base = place.id_base();
                        place.id = if taken(&base) {
                            fresh_id(&base, taken)
                        } else {
                            base
                        };
                    }
                    s.places.push(place);
                }
            }
            Typed::ForgetAll
        }
        Edit::ReplacePlaces(places) => {
            room(places.len().saturating_sub(1), Limits::PLACES, "places")?;
            if places.is_empty() {
                return Ok(Typed::Unchanged);
            }
            s.ranges.retain(|k, _| {
                k.strip_prefix("places.").is_none_or(|rest| {
                    places.iter().any(|p| {
                        rest.strip_prefix(p.id.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    })
                })
            });
            s.places = places;
            Typed::ForgetAll
        }
        Edit::SetRoleGroup(i, group) => {
            if let Some(r) = s.roles.get_mut(i) {
                r.group = group;
            }
            Typed::Unchanged
        }
        Edit::SetRoleSector(i, sector) => {
            if let Some(r) = s.roles.get_mut(i) {
                r.sector = sector;
            }
            Typed::Unchanged
        }
        Edit::AddRole => {
            room(s.roles.len(), Limits::ROLES, "roles")?;
            let id = fresh_id("role", |id| s.role_index(id).is_some());
            let n = s.roles.len() + 1;
            s.roles
                .push(defaults::new_role(id, format!("New role {n}")));
            Typed::Unchanged
        }
        Edit::RemoveRole(i) => {
            if i < s.roles.len() {
                let id = s.roles.remove(i).id;
                for sv in &mut s.services {
                    sv.role_mix.remove(&id);
                }
                drop_ranges_under(s, &format!("roles.{id}."));
                Typed::ForgetAll
            } else {
                Typed::Unchanged
            }
        }
        Edit::ToggleAge(i, band) => {
            if let Some(sv) = s.services.get_mut(i) {
                if let Some(pos) = sv.ages.iter().position(|b| *b == band) {
                    sv.ages.remove(pos);
                } else {
                    sv.ages.push(band);
                    crate::model::order::sort_by(&mut sv.ages, Ord::cmp);
                }
            }
            Typed::Unchanged
        }
        Edit::SetWorkloadKind(i, kind) => match s.services.get_mut(i) {
            Some(sv) if sv.workload.kind() != kind => {
                sv.workload = defaults::workload(kind);
                Typed::ForgetUnder(format!("services[{i}].workload."))
            }
            _ => Typed::Unchanged,
        },
        Edit::AddService => {
            room(s.services.len(), Limits::SERVICES, "services")?;
            let id = fresh_id("service", |id| s.service_index(id).is_some());
            let n = s.services.len() + 1;
            let mut role_mix = crate::model::keyed::Keyed::default();
            if let Some(first) = s.roles.first() {
                role_mix.insert(first.id.clone(), 1.0);
            }
            s.services.push(defaults::new_service(
                id,
                format!("New service {n}"),
                role_mix,
            ));
            Typed::Unchanged
        }
        Edit::RemoveService(i) => {
            if i < s.services.len() {
                let id = s.services.remove(i).id;
                drop_ranges_under(s, &format!("services.{id}."));
                Typed::ForgetAll
            } else {
                Typed::Unchanged
            }
        }
        Edit::MoveService { index, up } => moved(move_item(&mut s.services, index, up)),
        Edit::NormaliseRoleMix(i) => {
            let Some(sv) = s.services.get_mut(i) else {
                return Ok(Typed::Unchanged);
            };
            let sum: f64 = sv.role_mix.values().filter(|v| v.is_finite()).sum();
            if sum > 0.0 {
                for v in sv.role_mix.values_mut() {
                    *v = if v.is_finite() { *v / sum } else { 0.0 };
                }
                Typed::ForgetUnder(format!("services[{i}].role_mix."))
            } else {
                Typed::Unchanged
            }
        }
        Edit::AddToRoleMix { service, role } => {
            if let Some(sv) = s.services.get_mut(service) {
                sv.role_mix.entry_or_default(&role);
            }
            Typed::Unchanged
        }
        Edit::RemoveFromRoleMix { service, role } => match s.services.get_mut(service) {
            Some(sv) => {
                sv.role_mix.remove(&role);
                Typed::Forget(format!("services[{service}].role_mix.{role}"))
            }
            None => Typed::Unchanged,
        },
        Edit::SetRange { key, range } => {
            match range {
                Some(r) => {
                    if !s.ranges.contains_key(&key) {
                        room(s.ranges.len(), Limits::RANGES, "uncertainty ranges")?;
                    }
                    s.ranges.insert(key, r);
                }
                None => {
                    s.ranges.remove(&key);
                }
            }
            Typed::Unchanged
        }
        Edit::SetNote { key, text } => {
            let text: String = text.trim().chars().take(Limits::NOTE_CHARS).collect();
            if text.is_empty() {
                s.notes.remove(&key);
            } else {
                if s.notes.get(&key).is_none() {
                    room(s.notes.len(), Limits::NOTES, "notes")?;
                }
                s.notes.insert(key, text);
            }
            Typed::Unchanged
        }
    })
}

/// A name typed or pasted; one naming nothing changes nothing.
fn set_text(s: &mut Scenario, field: TextField, value: String) {
    let slot = match field {
        TextField::ScenarioName => Some(&mut s.name),
        TextField::PlaceName(i) => s.places.get_mut(i).map(|p| &mut p.name),
        TextField::RoleName(i) => s.roles.get_mut(i).map(|r| &mut r.name),
        TextField::ServiceName(i) => s.services.get_mut(i).map(|sv| &mut sv.name),
    };
    if let Some(slot) = slot {
        *slot = value;
    }
}

/// Text typed (or pasted) into a numeric input: its value set by the user
/// when it reads as a number, else why not (the scenario keeps its value).
fn set_typed(s: &mut Scenario, field: &Field, text: &str) -> Option<String> {
    match format::parse_input(text, field.unit()) {
        Ok(value) => {
            set_by_user(s, field, value);
            None
        }
        Err(message) => Some(format!("{}: {message}", field.full_label(s))),
    }
}

/// An input's value set by the user ([`mark_entered_by_user`]).
fn set_by_user(scenario: &mut Scenario, field: &Field, value: f64) {
    field.set(scenario, value);
    mark_entered_by_user(scenario, field);
}

/// A place's population or need index changed by hand: its source now says
/// so (kept in saved scenarios, links and exports). A population band gets
/// its own entry (`population.adults`), so the other bands keep theirs.
///
/// A role's staff in post typed by the user are the user's own: the mark
/// that they are a built-in's figures goes.
fn mark_entered_by_user(scenario: &mut Scenario, field: &Field) {
    if let Field::Role(i, RoleField::InPostWte) = field {
        if let Some(role) = scenario.roles.get_mut(*i) {
            role.in_post_example = None;
        }
        return;
    }
    let (i, key) = match field {
        Field::Population(i, band) => (*i, format!("population.{}", band.key())),
        Field::NeedIndex(i) => (*i, "need_index".to_string()),
        _ => return,
    };
    if let Some(place) = scenario.places.get_mut(i) {
        if !place.sources.is_empty() {
            place.sources.insert(key, ENTERED_BY_YOU.to_string());
        }
    }
}

/// Refused when a list already holds as many items as a scenario may.
fn room(count: usize, limit: usize, what: &str) -> Result<(), Refused> {
    if count >= limit {
        Err(Refused(format!(
            "A scenario holds at most {limit} {what}: remove one before adding another."
        )))
    } else {
        Ok(())
    }
}

/// The uncertainty ranges of an item that went (`places.leeds.`).
fn drop_ranges_under(scenario: &mut Scenario, prefix: &str) {
    scenario.ranges.retain(|k, _| !k.starts_with(prefix));
}

/// Items moved: paths no longer line up.
fn moved(moved: bool) -> Typed {
    if moved {
        Typed::ForgetAll
    } else {
        Typed::Unchanged
    }
}

/// Swap item `index` with the one above (`up`) or below; false when there
/// is no such neighbour.
fn move_item<T>(items: &mut [T], index: usize, up: bool) -> bool {
    let target = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match target.filter(|t| *t < items.len() && index < items.len()) {
        Some(t) => {
            items.swap(index, t);
            true
        }
        None => false,
    }
}

/// A new id like "role_3" that no item has yet.
fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{prefix}_{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_string())
}
