//! Built-in scenarios and the source of every default number.
//!
//! "Example place" is 500,000 people with an England-like age split, built
//! from the figures in MODEL.md section 5. Each number below sits next to its
//! source text or is marked illustrative, and [`sources`] hands the same text
//! to the UI, which shows it beside each input. "Small place" (150,000) and
//! "Large system (ICB)" (1.5 million) scale the population and the staff in
//! post of Example place; every other assumption, and every service and role
//! id, is the same, so the sources apply to all three.
//!
//! Derivations use England figures: mid-2023 population 57.69 million (ONS),
//! 21% aged 0-17, 60% aged 18-64, 19% aged 65+ (so 79% are 18 or over).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::field::{Field, Unit};
use super::scenario::{
    AgeBand, Group, Place, Population, Projection, Role, Scenario, Sector, Service, Workload,
    V1_PLACE_ID,
};
use crate::format;

/// A built-in scenario the user can start from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Builtin {
    /// Stable id, e.g. for a URL or a menu: `"example"`, `"small"`, `"large"`.
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub scenario: Scenario,
}

/// Where a default number comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The input's key ([`Field::key`]): `"services.talking_li.prevalence"`.
    pub key: String,
    /// Example place's value, formatted for reading: `"13.56%"`, `"£59,128"`.
    pub value_text: String,
    /// The source, or how the number was derived, or why it is illustrative.
    pub citation: String,
    /// True when no public figure backs the number: the UI labels it so.
    pub illustrative: bool,
}

/// A default with its source text.
#[derive(Clone, Copy, Debug)]
struct Sourced {
    value: f64,
    text: &'static str,
    illustrative: bool,
}

/// A sourced default.
const fn src(value: f64, text: &'static str) -> Sourced {
    Sourced {
        value,
        text,
        illustrative: false,
    }
}

/// An illustrative default: no public figure found.
const fn ill(value: f64, text: &'static str) -> Sourced {
    Sourced {
        value,
        text,
        illustrative: true,
    }
}

// ---------------------------------------------------------------------------
// Population, need and working time
// ---------------------------------------------------------------------------

const CHILDREN: Sourced = ill(
    105_000.0,
    "Illustrative place of 500,000 people with an England-like age split: 21% aged 0-17 \
     (England about 20.7%, derived from ONS 5-year bands; mid-2023 England 57.69 million, ONS).",
);
const ADULTS: Sourced = ill(
    300_000.0,
    "Illustrative place of 500,000 people: 60% aged 18-64, what is left of England's \
     population after 21% aged 0-17 and 19% aged 65+.",
);
const OLDER: Sourced = ill(
    95_000.0,
    "Illustrative place of 500,000 people: 19% aged 65+ (England 18.4%, Census 2021).",
);
const NEED_INDEX: Sourced = src(
    1.0,
    "1.0 is the England average. People in the most deprived fifth of areas are nearly twice \
     as likely to have a common mental health condition (APMS 2023/4). NHS England's \
     allocations carry a mental health need index (Anselmi et al., Br J Psychiatry 2019): \
     enter your area's value.",
);

const HOURS_PER_WEEK: Sourced = src(37.5, "NHS Agenda for Change standard full-time week.");
const DAYS_PER_WEEK: Sourced = src(5.0, "Agenda for Change full-time week of five days.");
const WEEKS_PER_YEAR: Sourced = src(52.143, "365 days / 7 = 52.143 weeks a year.");
const PUBLIC_HOLIDAYS: Sourced = src(
    8.0,
    "8 public holidays a year in England (NHS terms and conditions).",
);
const ANNUAL_LEAVE: Sourced = src(
    29.0,
    "Agenda for Change annual leave: 27 days on appointment, 29 after 5 years, 33 after 10 \
     (NHS terms and conditions); 29 taken as typical.",
);
const TRAINING_DAYS: Sourced = ill(
    5.0,
    "Illustrative: no public default found for study and mandatory training days.",
);
const SICKNESS: Sourced = src(
    0.05,
    "5.6% for all NHS staff in 2022 (Nuffield Trust, \"All is not well\", 2023); mental \
     health trusts ran about 4.4-4.8% in 2013-15. 5% sits between the two.",
);
const NON_CLINICAL: Sourced = ill(
    0.30,
    "Illustrative: supervision, admin, meetings and travel. WISN's category allowance factor \
     is 1 / (1 - 30%) = 1.43.",
);

const YEARS: Sourced = ill(
    10.0,
    "The calculator's ten-year planning horizon (the NHS Long Term Workforce Plan looks 15 \
     years ahead).",
);
const DEMAND_GROWTH: Sourced = src(
    0.044,
    "Demand for mental health services growing 4.4% a year (NHS Long Term Workforce Plan, \
     2023).",
);
const RETENTION: Sourced = ill(
    0.0,
    "0 keeps today's leaver rates: no retention improvement assumed. A policy lever to try.",
);

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum WorkloadSpec {
    Contacts {
        contacts_per_person: Sourced,
        minutes_per_contact: Sourced,
    },
    Caseload {
        months_on_caseload: Sourced,
        caseload_per_wte: Sourced,
    },
    Beds {
        length_of_stay_days: Sourced,
        target_occupancy: Sourced,
        wte_per_bed: Sourced,
    },
}

impl WorkloadSpec {
    fn workload(&self) -> Workload {
        match *self {
            WorkloadSpec::Contacts {
                contacts_per_person,
                minutes_per_contact,
            } => Workload::Contacts {
                contacts_per_person: contacts_per_person.value,
                minutes_per_contact: minutes_per_contact.value,
            },
            WorkloadSpec::Caseload {
                months_on_caseload,
                caseload_per_wte,
            } => Workload::Caseload {
                months_on_caseload: months_on_caseload.value,
                caseload_per_wte: caseload_per_wte.value,
            },
            WorkloadSpec::Beds {
                length_of_stay_days,
                target_occupancy,
                wte_per_bed,
            } => Workload::Beds {
                length_of_stay_days: length_of_stay_days.value,
                target_occupancy: target_occupancy.value,
                wte_per_bed: wte_per_bed.value,
            },
        }
    }

    /// The source of a workload field, by its JSON name.
    fn source(&self, name: &str) -> Option<Sourced> {
        match (*self, name) {
            (
                WorkloadSpec::Contacts {
                    contacts_per_person,
                    ..
                },
                "contacts_per_person",
            ) => Some(contacts_per_person),
            (
                WorkloadSpec::Contacts {
                    minutes_per_contact,
                    ..
                },
                "minutes_per_contact",
            ) => Some(minutes_per_contact),
            (
                WorkloadSpec::Caseload {
                    months_on_caseload, ..
                },
                "months_on_caseload",
            ) => Some(months_on_caseload),
            (
                WorkloadSpec::Caseload {
                    caseload_per_wte, ..
                },
                "caseload_per_wte",
            ) => Some(caseload_per_wte),
            (
                WorkloadSpec::Beds {
                    length_of_stay_days,
                    ..
                },
                "length_of_stay_days",
            ) => Some(length_of_stay_days),
            (
                WorkloadSpec::Beds {
                    target_occupancy, ..
                },
                "target_occupancy",
            ) => Some(target_occupancy),
            (WorkloadSpec::Beds { wte_per_bed, .. }, "wte_per_bed") => Some(wte_per_bed),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct ServiceSpec {
    id: &'static str,
    name: &'static str,
    ages: &'static [AgeBand],
    prevalence: Sourced,
    current_coverage: Sourced,
    target_coverage: Sourced,
    workload: WorkloadSpec,
    role_mix: &'static [(&'static str, f64)],
    /// Why the role mix looks as it does (all role mixes are illustrative).
    mix_note: &'static str,
}

const TT_CURRENT: Sourced = src(
    0.11,
    "1.17 million people started NHS Talking Therapies treatment in 2019/20, about 11% of \
     England's adults with a common mental health condition: 1.17m / (57.69m x 79% aged 18+ \
     x 22.6%) = 1.17m / 10.3m.",
);
const TT_TARGET: Sourced = ill(
    0.25,
    "Illustrative. The national ambition of 1.9 million a year by 2023/24 (Mental Health \
     Implementation Plan) is about 18% of adults with a common condition (1.9m / 10.3m).",
);
const TT_CONTACTS: Sourced = src(
    6.9,
    "NHS Talking Therapies: 6.9 sessions per finished course in 2019/20 (7.5 in 2020/21, 7.9 \
     in 2021/22).",
);

const SERVICES: &[ServiceSpec] = &[
    ServiceSpec {
        id: "talking_li",
        name: "NHS Talking Therapies: low intensity (step 2)",
        ages: &[AgeBand::Adults],
        prevalence: src(
            0.1356,
            "Common mental health condition 22.6% of 16-64s (APMS 2023/4, NatCen) x 60% \
             whose first step is low intensity = 13.56%. The 60/40 step 2/step 3 split is \
             illustrative: it is not published. People aged 65+ are counted in older \
             people's mental health.",
        ),
        current_coverage: TT_CURRENT,
        target_coverage: TT_TARGET,
        workload: WorkloadSpec::Contacts {
            contacts_per_person: TT_CONTACTS,
            minutes_per_contact: src(
                35.0,
                "Low intensity sessions run 30-35 minutes, 6-8 of them (secondary).",
            ),
        },
        role_mix: &[("pwp", 0.85), ("vcse_worker", 0.15)],
        mix_note: "Illustrative: psychological wellbeing practitioners deliver step 2; a \
                   share is commissioned from the voluntary sector.",
    },
    ServiceSpec {
        id: "talking_hi",
        name: "NHS Talking Therapies: high intensity (step 3)",
        ages: &[AgeBand::Adults],
        prevalence: src(
            0.0904,
            "Common mental health condition 22.6% of 16-64s (APMS 2023/4, NatCen) x 40% \
             whose first step is high intensity = 9.04%. The 60/40 split is illustrative: \
             it is not published.",
        ),
        current_coverage: TT_CURRENT,
        target_coverage: TT_TARGET,
        workload: WorkloadSpec::Contacts {
            contacts_per_person: TT_CONTACTS,
            minutes_per_contact: src(
                55.0,
                "High intensity sessions run 50-60 minutes (secondary): the midpoint.",
            ),
        },
        role_mix: &[
            ("hi_therapist", 0.6),
            ("counsellor", 0.25),
            ("clinical_psychologist", 0.15),
        ],
        mix_note: "Illustrative: CBT therapists carry most step 3 work, counsellors (often \
                   independent or voluntary providers) treat depression, psychologists take \
                   the most complex cases.",
    },
    ServiceSpec {
        id: "cmh",
        name: "Community mental health (severe mental illness)",
        ages: &[AgeBand::Adults, AgeBand::Older],
        prevalence: src(
            0.009,
            "GP severe mental illness registers hold about 0.93-1% of registered patients \
             (secondary); psychotic disorder alone is 0.5% of adults (APMS 2023/4).",
        ),
        current_coverage: ill(0.6, "Illustrative: no published share found."),
        target_coverage: ill(0.9, "Illustrative: nearly everyone on the register."),
        workload: WorkloadSpec::Caseload {
            months_on_caseload: ill(
                12.0,
                "Illustrative: severe mental illness is long-term, so a full year on the \
                 caseload.",
            ),
            caseload_per_wte: ill(
                25.0,
                "Illustrative. An audit found caseloads averaging 21 for community \
                 psychiatric nurses and 16 for OTs (Tyrer et al. 2000); assertive outreach \
                 fidelity is 8-12 per worker; \"35 per care coordinator\" is often quoted but \
                 unconfirmed. The 2019 Community Mental Health Framework sets no ratio.",
            ),
        },
        role_mix: &[
            ("mh_nurse", 0.4),
            ("psychiatrist", 0.08),
            ("clinical_psychologist", 0.07),
            ("occupational_therapist", 0.1),
            ("social_worker", 0.15),
            ("peer_support", 0.1),
            ("support_worker", 0.1),
        ],
        mix_note: "Illustrative multidisciplinary team in the spirit of the 2019 Community \
                   Mental Health Framework; psychiatrists near Bruckner et al.'s 6%.",
    },
    ServiceSpec {
        id: "crisis",
        name: "Crisis resolution and home treatment",
        ages: &[AgeBand::Adults, AgeBand::Older],
        prevalence: src(
            0.0025,
            "Derived: one team per 150,000 people carrying 20-30 people at a time (DH Mental \
             Health Policy Implementation Guide, 2001); 25 places x 12 episodes of about a \
             month = 300 episodes a year, / 118,500 aged 18+ (79% of 150,000) = 0.25%.",
        ),
        current_coverage: ill(0.8, "Illustrative: no published share found."),
        target_coverage: ill(1.0, "Illustrative: everyone in crisis who needs the team."),
        workload: WorkloadSpec::Caseload {
            months_on_caseload: src(
                1.0,
                "Episode length is not published; 24-37 days is implied by the Policy \
                 Implementation Guide (DH 2001): about one month.",
            ),
            caseload_per_wte: src(
                1.8,
                "A team of about 14 staff (plus 1 admin) carries 20-30 people (DH Policy \
                 Implementation Guide 2001): 25 / 14 = 1.8 per WTE.",
            ),
        },
        role_mix: &[
            ("mh_nurse", 0.5),
            ("psychiatrist", 0.07),
            ("occupational_therapist", 0.05),
            ("social_worker", 0.1),
            ("peer_support", 0.08),
            ("support_worker", 0.2),
        ],
        mix_note: "Illustrative: a nurse-led team with medical, social work, OT, peer and \
                   support worker input.",
    },
    ServiceSpec {
        id: "acute_beds",
        name: "Adult acute inpatient beds",
        ages: &[AgeBand::Adults],
        prevalence: src(
            0.0029,
            "Admissions a year as a share of adults. About 174 admissions per 100,000 \
             residents a year (derived: 19.6 beds per 100,000 (2015/16, secondary) x 365 x \
             95% occupancy / 39 days); adults are 60% of residents, so 0.00174 / 0.6 = 0.29% \
             of adults.",
        ),
        current_coverage: ill(
            1.0,
            "Illustrative: everyone who needs a bed is admitted (some out of area).",
        ),
        target_coverage: ill(1.0, "Illustrative: every admission that is needed."),
        workload: WorkloadSpec::Beds {
            length_of_stay_days: src(
                39.0,
                "Average length of stay 39 days in 2023 (King's Fund, from NHS \
                 Benchmarking).",
            ),
            target_occupancy: src(
                0.85,
                "RCPsych recommends at most 85% occupancy; actual about 95% (NHS \
                 Benchmarking 2018/19).",
            ),
            wte_per_bed: ill(
                1.8,
                "Illustrative: no published nurses-per-bed figure. 1.8 WTE per bed staffs a \
                 ward round the clock with therapy and medical time.",
            ),
        },
        role_mix: &[
            ("mh_nurse", 0.45),
            ("psychiatrist", 0.06),
            ("clinical_psychologist", 0.03),
            ("occupational_therapist", 0.06),
            ("peer_support", 0.05),
            ("support_worker", 0.35),
        ],
        mix_note: "Illustrative ward team: registered nurses and healthcare assistants round \
                   the clock, with medical, psychology, OT and peer support.",
    },
    ServiceSpec {
        id: "cyp",
        name: "Children and young people's mental health",
        ages: &[AgeBand::Children],
        prevalence: src(
            0.203,
            "Probable mental disorder 20.3% of 8-16s (NHS England Digital, MHCYP 2023 wave \
             4; 23.3% of 17-19s), applied to all 0-17s.",
        ),
        current_coverage: ill(0.3, "Illustrative: no published local share found."),
        target_coverage: src(
            0.35,
            "Access ambition: 35% of those with a diagnosable condition (Five Year Forward \
             View); the Long Term Plan adds 345,000 more 0-25s reached by 2023/24.",
        ),
        workload: WorkloadSpec::Caseload {
            months_on_caseload: ill(6.0, "Illustrative: about six months of care."),
            caseload_per_wte: ill(25.0, "Illustrative: no published ratio."),
        },
        role_mix: &[
            ("mh_nurse", 0.25),
            ("psychiatrist", 0.05),
            ("clinical_psychologist", 0.15),
            ("occupational_therapist", 0.05),
            ("social_worker", 0.05),
            ("emhp", 0.2),
            ("support_worker", 0.1),
            ("vcse_worker", 0.15),
        ],
        mix_note: "Illustrative: specialist CYPMHS staff, education mental health \
                   practitioners in schools' mental health support teams, and voluntary \
                   sector youth services.",
    },
    ServiceSpec {
        id: "older_people",
        name: "Older people's mental health (dementia and depression)",
        ages: &[AgeBand::Older],
        prevalence: src(
            0.139,
            "Dementia 7.1% of 65+ (Dementia UK 2014) + depression 6.8% of 65+ (CFAS II) = \
             13.9%; people with both are counted twice.",
        ),
        current_coverage: ill(0.35, "Illustrative: no published share found."),
        target_coverage: ill(0.5, "Illustrative."),
        workload: WorkloadSpec::Caseload {
            months_on_caseload: ill(6.0, "Illustrative: about six months of care."),
            caseload_per_wte: ill(30.0, "Illustrative: no published ratio."),
        },
        role_mix: &[
            ("mh_nurse", 0.45),
            ("psychiatrist", 0.08),
            ("clinical_psychologist", 0.07),
            ("occupational_therapist", 0.1),
            ("social_worker", 0.1),
            ("support_worker", 0.2),
        ],
        mix_note: "Illustrative community team for older adults: memory assessment and \
                   functional mental health.",
    },
    ServiceSpec {
        id: "perinatal",
        name: "Perinatal mental health",
        ages: &[AgeBand::Adults],
        prevalence: src(
            0.0035,
            "As a share of all adults: about 10.5 births per 1,000 people a year (secondary), \
             / 60% adults = 1.75% of adults give birth in a year; x up to 1 in 5 new and \
             expectant mothers affected (NHS England) = 0.35%.",
        ),
        current_coverage: ill(0.4, "Illustrative: no published local share found."),
        target_coverage: src(
            0.5,
            "Specialist services to reach 66,000 women by 2023/24, about 10% of births \
             (RCPsych Mental Health Watch): 10% / 20% affected = 50% of those in need.",
        ),
        workload: WorkloadSpec::Caseload {
            months_on_caseload: ill(6.0, "Illustrative: care across pregnancy and after birth."),
            caseload_per_wte: ill(20.0, "Illustrative: no published ratio."),
        },
        role_mix: &[
            ("mh_nurse", 0.4),
            ("psychiatrist", 0.1),
            ("clinical_psychologist", 0.15),
            ("occupational_therapist", 0.1),
            ("peer_support", 0.1),
            ("support_worker", 0.15),
        ],
        mix_note: "Illustrative specialist community perinatal team.",
    },
    ServiceSpec {
        id: "smi_health_checks",
        name: "Physical health checks for people with severe mental illness",
        ages: &[AgeBand::Adults, AgeBand::Older],
        prevalence: src(
            0.01,
            "GP severe mental illness registers hold about 0.93-1% of registered patients \
             (secondary). People with severe mental illness die 15-20 years earlier (NHS \
             England 2018).",
        ),
        current_coverage: ill(0.4, "Illustrative: no published local share found."),
        target_coverage: src(
            0.6,
            "NHS England target: 390,000 checks a year by 2023/24, 60% of the register.",
        ),
        workload: WorkloadSpec::Contacts {
            contacts_per_person: ill(2.0, "Illustrative: the check and one follow-up."),
            minutes_per_contact: ill(45.0, "Illustrative."),
        },
        role_mix: &[
            ("mh_nurse", 0.3),
            ("mhp_primary_care", 0.3),
            ("support_worker", 0.4),
        ],
        mix_note: "Illustrative: healthcare assistants take measurements, nurses and \
                   primary care practitioners review and follow up.",
    },
    ServiceSpec {
        id: "primary_care",
        name: "Primary care mental health (practitioners in GP networks)",
        ages: &[AgeBand::Adults, AgeBand::Older],
        prevalence: ill(
            0.02,
            "Illustrative: people whose needs are too complex for Talking Therapies but who \
             are not under secondary care.",
        ),
        current_coverage: ill(0.3, "Illustrative."),
        target_coverage: ill(0.5, "Illustrative."),
        workload: WorkloadSpec::Contacts {
            contacts_per_person: ill(4.0, "Illustrative."),
            minutes_per_contact: ill(45.0, "Illustrative."),
        },
        role_mix: &[
            ("mhp_primary_care", 0.7),
            ("peer_support", 0.1),
            ("vcse_worker", 0.2),
        ],
        mix_note: "Illustrative: mental health practitioners funded through the Additional \
                   Roles Reimbursement Scheme (ARRS), with peer and voluntary sector support.",
    },
];

// ---------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------

/// A pay band: entry and top of the scale, and where the figures come from.
#[derive(Clone, Copy, Debug)]
struct Pay {
    band: &'static str,
    entry: f64,
    top: f64,
    source: &'static str,
}

const AFC: &str = "Agenda for Change 2025/26 pay (secondary pay tables; check against NHS \
                   Employers before quoting)";
const BAND_3: Pay = Pay {
    band: "band 3",
    entry: 24_937.0,
    top: 26_598.0,
    source: AFC,
};
const BAND_4: Pay = Pay {
    band: "band 4",
    entry: 27_485.0,
    top: 30_162.0,
    source: AFC,
};
const BAND_5: Pay = Pay {
    band: "band 5",
    entry: 31_049.0,
    top: 37_796.0,
    source: AFC,
};
const BAND_6: Pay = Pay {
    band: "band 6",
    entry: 38_682.0,
    top: 46_580.0,
    source: AFC,
};
const BAND_7: Pay = Pay {
    band: "band 7",
    entry: 47_810.0,
    top: 54_710.0,
    source: AFC,
};
const BAND_8A: Pay = Pay {
    band: "band 8a",
    entry: 55_690.0,
    top: 62_682.0,
    source: AFC,
};
const CONSULTANT: Pay = Pay {
    band: "consultant scale",
    entry: 105_504.0,
    top: 139_882.0,
    source: "Consultant basic pay 2024/25 (secondary)",
};

/// Employer pension contribution, from April 2024 (NHS Employers / NHSBSA).
const EMPLOYER_PENSION: f64 = 0.237;
/// Employer National Insurance from April 2025 (secondary) ...
const EMPLOYER_NI: f64 = 0.15;
/// ... on pay above this threshold.
const NI_THRESHOLD: f64 = 5_000.0;

impl Pay {
    fn midpoint(&self) -> f64 {
        (self.entry + self.top) / 2.0
    }

    /// Midpoint pay plus employer pension and National Insurance, to the pound.
    fn annual_cost(&self) -> f64 {
        let pay = self.midpoint();
        (pay * (1.0 + EMPLOYER_PENSION) + EMPLOYER_NI * (pay - NI_THRESHOLD).max(0.0)).round()
    }
}

/// NHS mental health vacancy rate (Sept 2023: 28,600 posts): vacant posts as a
/// share of establishment, so vacant = in post x 0.19 / (1 - 0.19).
const VACANCY_RATE: f64 = 0.19;
/// All NHS nurses, year to June 2022 (Nuffield Trust).
const NURSE_LEAVER_RATE: f64 = 0.115;
/// Turnover in NHS mental health services (King's Fund, 2023).
const MH_TURNOVER: f64 = 0.19;
/// Joiners a year replace leavers and add this share of staff in post.
const JOINER_GROWTH: f64 = 0.02;

#[derive(Clone, Copy, Debug)]
struct RoleSpec {
    id: &'static str,
    name: &'static str,
    group: Group,
    sector: Sector,
    /// Staff in post in Example place (illustrative).
    in_post: f64,
    pay: Pay,
    /// How the pay band stands for this role.
    pay_note: &'static str,
    /// True when the band is a stand-in (not an NHS Agenda for Change post).
    pay_illustrative: bool,
    leaver_rate: f64,
}

const ROLES: &[RoleSpec] = &[
    RoleSpec {
        id: "mh_nurse",
        name: "Mental health nurse",
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post: 200.0,
        pay: BAND_6,
        pay_note: "Band 6, the usual community and ward charge nurse band.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "psychiatrist",
        name: "Consultant psychiatrist",
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post: 34.0,
        pay: CONSULTANT,
        pay_note: "Specialty doctors cost less.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "clinical_psychologist",
        name: "Clinical psychologist",
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post: 40.0,
        pay: BAND_8A,
        pay_note: "Band 8a, the usual qualified clinical psychologist band.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "hi_therapist",
        name: "High intensity therapist (CBT)",
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post: 20.0,
        pay: BAND_7,
        pay_note: "Band 7, the usual qualified high intensity therapist band.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "counsellor",
        name: "Counsellor (independent Talking Therapies provider)",
        group: Group::Registered,
        sector: Sector::Independent,
        in_post: 10.0,
        pay: BAND_6,
        pay_note: "Illustrative: Agenda for Change band 6 stands in for independent sector pay.",
        pay_illustrative: true,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "occupational_therapist",
        name: "Occupational therapist",
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post: 36.0,
        pay: BAND_6,
        pay_note: "Band 6.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "social_worker",
        name: "Mental health social worker (local authority)",
        group: Group::Registered,
        sector: Sector::LocalAuthority,
        in_post: 30.0,
        pay: BAND_6,
        pay_note: "Illustrative: Agenda for Change band 6 stands in for local authority pay \
                   (whose pension scheme differs).",
        pay_illustrative: true,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "pwp",
        name: "Psychological wellbeing practitioner",
        group: Group::NewRole,
        sector: Sector::Nhs,
        in_post: 25.0,
        pay: BAND_5,
        pay_note: "Band 5, qualified PWPs (trainees are band 4).",
        pay_illustrative: false,
        leaver_rate: MH_TURNOVER,
    },
    RoleSpec {
        id: "peer_support",
        name: "Peer support worker",
        group: Group::NewRole,
        sector: Sector::Nhs,
        in_post: 14.0,
        pay: BAND_4,
        pay_note: "Band 4.",
        pay_illustrative: false,
        leaver_rate: MH_TURNOVER,
    },
    RoleSpec {
        id: "mhp_primary_care",
        name: "Mental health practitioner in primary care (ARRS)",
        group: Group::NewRole,
        sector: Sector::Nhs,
        in_post: 7.0,
        pay: BAND_7,
        pay_note: "Band 7, a registered practitioner funded through the Additional Roles \
                   Reimbursement Scheme.",
        pay_illustrative: false,
        leaver_rate: NURSE_LEAVER_RATE,
    },
    RoleSpec {
        id: "emhp",
        name: "Education mental health practitioner",
        group: Group::NewRole,
        sector: Sector::Nhs,
        in_post: 18.0,
        pay: BAND_5,
        pay_note: "Band 5, qualified EMHPs in mental health support teams (trainees are \
                   band 4).",
        pay_illustrative: false,
        leaver_rate: MH_TURNOVER,
    },
    RoleSpec {
        id: "support_worker",
        name: "Mental health support worker / healthcare assistant",
        group: Group::Support,
        sector: Sector::Nhs,
        in_post: 110.0,
        pay: BAND_3,
        pay_note: "Band 3.",
        pay_illustrative: false,
        leaver_rate: MH_TURNOVER,
    },
    RoleSpec {
        id: "vcse_worker",
        name: "VCSE wellbeing worker",
        group: Group::Vcse,
        sector: Sector::Vcse,
        in_post: 16.0,
        pay: BAND_4,
        pay_note: "Illustrative: Agenda for Change band 4 stands in for voluntary sector pay \
                   (whose pensions are usually smaller).",
        pay_illustrative: true,
        leaver_rate: MH_TURNOVER,
    },
];

/// Round to one decimal place (staff figures are entered to 0.1 WTE).
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

impl RoleSpec {
    fn role(&self, scale: f64) -> Role {
        let in_post_wte = round1(self.in_post * scale);
        Role {
            id: self.id.to_string(),
            name: self.name.to_string(),
            group: self.group,
            sector: self.sector,
            in_post_wte,
            vacant_wte: round1(in_post_wte * VACANCY_RATE / (1.0 - VACANCY_RATE)),
            annual_cost: self.pay.annual_cost(),
            leaver_rate: self.leaver_rate,
            joiners_per_year: round1(in_post_wte * (self.leaver_rate + JOINER_GROWTH)),
        }
    }
}

// ---------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------

/// Example place, with the population and staff in post scaled by `scale`.
fn place(name: &str, scale: f64) -> Scenario {
    let mut scenario = Scenario::blank();
    scenario.name = name.to_string();
    scenario.places = vec![Place {
        id: V1_PLACE_ID.to_string(),
        name: name.to_string(),
        code: None,
        population: Population {
            children: (CHILDREN.value * scale).round(),
            adults: (ADULTS.value * scale).round(),
            older: (OLDER.value * scale).round(),
        },
        need_index: NEED_INDEX.value,
        sources: Default::default(),
    }];
    let wt = &mut scenario.working_time;
    wt.hours_per_week = HOURS_PER_WEEK.value;
    wt.days_per_week = DAYS_PER_WEEK.value;
    wt.weeks_per_year = WEEKS_PER_YEAR.value;
    wt.public_holidays = PUBLIC_HOLIDAYS.value;
    wt.annual_leave_days = ANNUAL_LEAVE.value;
    wt.training_days = TRAINING_DAYS.value;
    wt.sickness_rate = SICKNESS.value;
    wt.non_clinical_share = NON_CLINICAL.value;
    scenario.roles = ROLES.iter().map(|r| r.role(scale)).collect();
    scenario.services = SERVICES
        .iter()
        .map(|s| Service {
            id: s.id.to_string(),
            name: s.name.to_string(),
            ages: s.ages.to_vec(),
            prevalence: s.prevalence.value,
            current_coverage: s.current_coverage.value,
            target_coverage: s.target_coverage.value,
            workload: s.workload.workload(),
            role_mix: {
                // Inserted one by one: collecting into a BTreeMap sorts
                // first, which would add another copy of the sort.
                let mut mix = BTreeMap::new();
                for (role, share) in s.role_mix {
                    mix.insert(role.to_string(), *share);
                }
                mix
            },
        })
        .collect();
    scenario.projection = Projection {
        years: YEARS.value as u32,
        demand_growth: DEMAND_GROWTH.value,
        retention_improvement: RETENTION.value,
    };
    scenario
}

/// Example place: 500,000 people (105,000 children, 300,000 adults, 95,000
/// older people) with MODEL.md section 5's defaults.
pub fn example_place() -> Scenario {
    place("Example place", 1.0)
}

/// Small place: about 150,000 people (Example place x 0.3).
pub fn small_place() -> Scenario {
    place("Small place", 0.3)
}

/// Large system: about 1.5 million people, an integrated care board's size
/// (Example place x 3).
pub fn large_system() -> Scenario {
    place("Large system (ICB)", 3.0)
}

/// The built-in scenarios, Example place first.
pub fn builtins() -> Vec<Builtin> {
    vec![
        Builtin {
            id: "example",
            title: "Example place",
            description: "500,000 people with an England-like age split, ten service lines \
                          and thirteen roles across the NHS, local authority, voluntary and \
                          independent sectors. Every default is sourced or marked \
                          illustrative.",
            scenario: example_place(),
        },
        Builtin {
            id: "small",
            title: "Small place",
            description: "About 150,000 people, the size of one crisis team's patch: Example \
                          place's population and staff in post x 0.3, same assumptions.",
            scenario: small_place(),
        },
        Builtin {
            id: "large",
            title: "Large system (ICB)",
            description: "About 1.5 million people, an integrated care board's size: Example \
                          place's population and staff in post x 3, same assumptions.",
            scenario: large_system(),
        },
    ]
}

/// A built-in scenario by id.
pub fn builtin(id: &str) -> Option<Builtin> {
    builtins().into_iter().find(|b| b.id == id)
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

/// The source of every numeric default of Example place, in form order
/// (the order of [`Field::all`]).
pub fn sources() -> Vec<Source> {
    all_sources().to_vec()
}

/// The source of one input, by key (`"roles.mh_nurse.annual_cost"`), for the
/// UI to show beside it. Keys are the same in all three built-ins.
pub fn source_for(key: &str) -> Option<Source> {
    all_sources().iter().find(|s| s.key == key).cloned()
}

fn all_sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let example = example_place();
        Field::all(&example)
            .into_iter()
            .filter_map(|field| {
                let key = field.key(&example)?;
                let value = field.get(&example)?;
                let (citation, illustrative) = citation(&key)?;
                Some(Source {
                    value_text: value_text(&field, value),
                    key,
                    citation,
                    illustrative,
                })
            })
            .collect()
    })
}

/// A stored value written for reading, with its unit.
fn value_text(field: &Field, value: f64) -> String {
    match field.unit() {
        Unit::Percent => format::percent(value, 2),
        Unit::Money => format::money(value),
        Unit::People => format::people(value),
        Unit::Index => format::plain(value, 3),
        Unit::Count => format::plain(value, 3),
        unit => format!("{} {}", format::plain(value, 3), unit.hint()),
    }
}

fn cite(s: Sourced) -> (String, bool) {
    (s.text.to_string(), s.illustrative)
}

/// The citation of a key of Example place, or `None` for a key it lacks.
fn citation(key: &str) -> Option<(String, bool)> {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["places", _, "population", band] => Some(cite(match *band {
            "children" => CHILDREN,
            "adults" => ADULTS,
            "older" => OLDER,
            _ => return None,
        })),
        ["places", _, "need_index"] => Some(cite(NEED_INDEX)),
        ["working_time", name] => Some(cite(match *name {
            "hours_per_week" => HOURS_PER_WEEK,
            "days_per_week" => DAYS_PER_WEEK,
            "weeks_per_year" => WEEKS_PER_YEAR,
            "public_holidays" => PUBLIC_HOLIDAYS,
            "annual_leave_days" => ANNUAL_LEAVE,
            "training_days" => TRAINING_DAYS,
            "sickness_rate" => SICKNESS,
            "non_clinical_share" => NON_CLINICAL,
            _ => return None,
        })),
        ["projection", name] => Some(cite(match *name {
            "years" => YEARS,
            "demand_growth" => DEMAND_GROWTH,
            "retention_improvement" => RETENTION,
            _ => return None,
        })),
        ["services", id, "role_mix", role] => {
            let spec = SERVICES.iter().find(|s| s.id == *id)?;
            let (_, share) = spec.role_mix.iter().find(|(r, _)| r == role)?;
            Some((
                format!(
                    "{} {}% of this service's WTE. Role mixes are illustrative.",
                    spec.mix_note,
                    format::plain(share * 100.0, 2)
                ),
                true,
            ))
        }
        ["services", id, name] => {
            let spec = SERVICES.iter().find(|s| s.id == *id)?;
            Some(cite(match *name {
                "prevalence" => spec.prevalence,
                "current_coverage" => spec.current_coverage,
                "target_coverage" => spec.target_coverage,
                other => spec.workload.source(other)?,
            }))
        }
        ["roles", id, name] => role_citation(ROLES.iter().find(|r| r.id == *id)?, name),
        _ => None,
    }
}

fn role_citation(spec: &RoleSpec, name: &str) -> Option<(String, bool)> {
    let nhs = spec.sector == Sector::Nhs;
    Some(match name {
        "in_post_wte" => (
            "Illustrative staff in post for a place of 500,000 (x 0.3 in Small place, x 3 in \
             the Large system): replace with your own workforce return."
                .to_string(),
            true,
        ),
        "vacant_wte" => (
            format!(
                "Vacancies 19% in NHS mental health services (28,600 posts, Sept 2023): \
                 vacant = in post x 0.19 / 0.81.{}",
                if nhs {
                    ""
                } else {
                    " The NHS rate stands in for this sector: illustrative."
                }
            ),
            !nhs,
        ),
        "annual_cost" => {
            let pay = spec.pay;
            (
                format!(
                    "{}, {}: midpoint {} (entry {}, top {}). {} Plus employer pension 23.7% \
                     (NHS Employers / NHSBSA, April 2024) and employer National Insurance 15% \
                     above £5,000 (April 2025, secondary) = {}. The pay point and on-costs \
                     are illustrative; enter your own costs.",
                    pay.source,
                    pay.band,
                    format::money(pay.midpoint()),
                    format::money(pay.entry),
                    format::money(pay.top),
                    spec.pay_note,
                    format::money(pay.annual_cost()),
                ),
                spec.pay_illustrative,
            )
        }
        "leaver_rate" if spec.leaver_rate == NURSE_LEAVER_RATE => {
            if spec.id == "mh_nurse" {
                (
                    "11.5% a year: all NHS nurses, year to June 2022 (Nuffield Trust).".to_string(),
                    false,
                )
            } else {
                (
                    "11.5% a year, the all-NHS nurse leaver rate (year to June 2022, Nuffield \
                     Trust), stands in for want of a figure for this role: illustrative."
                        .to_string(),
                    true,
                )
            }
        }
        "leaver_rate" => (
            "19% a year: turnover in NHS mental health services (King's Fund, 2023). Turnover \
             counts moves between employers too, so it overstates leavers: illustrative for \
             this role."
                .to_string(),
            true,
        ),
        "joiners_per_year" => (
            format!(
                "Illustrative: enough joiners to replace leavers plus 2% growth, in post x \
                 ({} + 2%).",
                format::percent(spec.leaver_rate, 2)
            ),
            true,
        ),
        _ => return None,
    })
}

/// Example place with six uncertainty ranges, as a user might set them: the
/// workload of the benchmarks (native criterion and in-browser), so wasm and
/// native do the same work.
pub fn ranged_example() -> Scenario {
    let mut s = example_place();
    for (key, range) in [
        ("places.place.need_index", [0.8, 1.3]),
        ("working_time.non_clinical_share", [0.2, 0.4]),
        ("services.cmh.caseload_per_wte", [18.0, 35.0]),
        ("services.talking_li.target_coverage", [0.18, 0.3]),
        ("services.acute_beds.length_of_stay_days", [30.0, 45.0]),
        ("roles.mh_nurse.leaver_rate", [0.09, 0.15]),
    ] {
        s.ranges.insert(key.to_string(), range);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, validate};

    #[test]
    fn every_builtin_validates() {
        for b in builtins() {
            let errors = validate(&b.scenario);
            assert!(errors.is_empty(), "{}: {errors:?}", b.id);
        }
    }

    #[test]
    fn example_place_matches_model_md() {
        let s = example_place();
        assert_eq!(s.name, "Example place");
        assert_eq!(s.total_population().children, 105_000.0);
        assert_eq!(s.total_population().adults, 300_000.0);
        assert_eq!(s.total_population().older, 95_000.0);
        assert_eq!(s.total_population().total(), 500_000.0);
        assert_eq!(s.working_time, Scenario::blank().working_time);
        assert_eq!(s.projection.years, 10);
        assert_eq!(s.projection.demand_growth, 0.044);
    }

    #[test]
    fn every_role_mix_sums_to_one() {
        for spec in SERVICES {
            let sum: f64 = spec.role_mix.iter().map(|(_, v)| v).sum();
            assert!((sum - 1.0).abs() < 1e-9, "{}: {sum}", spec.id);
            for (role, _) in spec.role_mix {
                assert!(
                    ROLES.iter().any(|r| r.id == *role),
                    "{} names {role}",
                    spec.id
                );
            }
        }
    }

    #[test]
    fn roles_cover_every_group_and_three_sectors() {
        let s = example_place();
        assert!(s.roles.len() >= 10);
        for group in Group::ALL {
            assert!(s.roles.iter().any(|r| r.group == group), "{group:?}");
        }
        let sectors: std::collections::BTreeSet<_> = s.roles.iter().map(|r| r.sector).collect();
        assert!(sectors.len() >= 3, "{sectors:?}");
        // Every role is used by some service.
        for role in &s.roles {
            assert!(
                s.services
                    .iter()
                    .any(|sv| sv.role_mix.contains_key(&role.id)),
                "{} is in no role mix",
                role.id
            );
        }
    }

    #[test]
    fn service_lines_cover_the_brief() {
        let s = example_place();
        for id in [
            "talking_li",
            "talking_hi",
            "cmh",
            "crisis",
            "acute_beds",
            "cyp",
            "older_people",
            "perinatal",
            "smi_health_checks",
        ] {
            assert!(s.service_index(id).is_some(), "{id}");
        }
    }

    #[test]
    fn every_input_of_every_builtin_has_a_source() {
        for b in builtins() {
            for field in Field::all(&b.scenario) {
                let key = field.key(&b.scenario).unwrap();
                let source = source_for(&key).unwrap_or_else(|| panic!("no source for {key}"));
                assert!(!source.citation.is_empty(), "{key}");
                assert!(!source.value_text.is_empty(), "{key}");
            }
        }
        assert_eq!(sources().len(), Field::all(&example_place()).len());
    }

    #[test]
    fn source_texts_show_example_values() {
        let s = source_for("services.talking_li.prevalence").unwrap();
        assert_eq!(s.value_text, "13.56%");
        assert!(!s.illustrative);
        let s = source_for("working_time.non_clinical_share").unwrap();
        assert!(s.illustrative);
        let s = source_for("roles.mh_nurse.annual_cost").unwrap();
        // Band 6 midpoint 42,631 x 1.237 + 15% x 37,631 = 58,379.
        assert_eq!(s.value_text, "£58,379");
        assert!(s.citation.contains("£42,631"));
        assert!(source_for("services.nowhere.prevalence").is_none());
    }

    #[test]
    fn crisis_line_reproduces_the_policy_guide() {
        // One team of 14 per 150,000 people: 500,000 people need 46.7 WTE.
        let r = compute(&example_place());
        let crisis = &r.services[example_place().service_index("crisis").unwrap()];
        assert!((crisis.required_wte - 14.0 * 500_000.0 / 150_000.0).abs() < 2.0);
    }

    #[test]
    fn acute_beds_match_174_admissions_per_100k() {
        let s = example_place();
        let r = compute(&s);
        let beds = &r.services[s.service_index("acute_beds").unwrap()];
        let per_100k = beds.people_to_treat / s.total_population().total() * 100_000.0;
        assert!((per_100k - 174.0).abs() < 1.0, "{per_100k}");
    }

    #[test]
    fn sizes_scale_population_and_staff() {
        let small = small_place();
        let large = large_system();
        let example = example_place();
        assert_eq!(small.total_population().total(), 150_000.0);
        assert_eq!(large.total_population().total(), 1_500_000.0);
        for ((s, e), l) in small.roles.iter().zip(&example.roles).zip(&large.roles) {
            assert_eq!(s.id, e.id);
            assert_eq!(l.id, e.id);
            assert!((s.in_post_wte - e.in_post_wte * 0.3).abs() <= 0.05 + 1e-9);
            assert!((l.in_post_wte - e.in_post_wte * 3.0).abs() <= 1e-9);
        }
        let ids = |s: &Scenario| s.services.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&small), ids(&example));
        assert_eq!(ids(&large), ids(&example));
    }
}
