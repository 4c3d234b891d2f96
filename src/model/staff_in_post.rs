//! Staff in post set from an imported file (issue 16): the one scenario
//! edit an import applies, as one undo step. Pure; the import module
//! (`io::staff_import`) builds it, the page's reducer applies it.

use super::scenario::Scenario;

/// One role's staff in post from a file: the WTE counted for it, and the
/// funded vacancies when the file had a vacancies column.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleInPost {
    pub role_id: String,
    pub in_post_wte: f64,
    pub vacant_wte: Option<f64>,
}

/// The roles whose staff in post an import sets; every other role is left
/// as it was.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StaffInPost {
    pub roles: Vec<RoleInPost>,
}

impl StaffInPost {
    /// Sets each listed role's in post (and vacancies, when given) in
    /// `scenario`, as the user's own (no longer a built-in's figures). A role id the scenario no longer has is skipped.
    pub fn apply(&self, scenario: &mut Scenario) {
        for set in &self.roles {
            if let Some(role) = scenario.roles.iter_mut().find(|r| r.id == set.role_id) {
                role.in_post_wte = set.in_post_wte;
                // The file's staff are the user's own.
                role.in_post_example = None;
                if let Some(vacant) = set.vacant_wte {
                    role.vacant_wte = vacant;
                }
            }
        }
    }
}
