//! The browser's own question before something is thrown away: on the page
//! (a scenario replaced or deleted, a role removed) and in the panels (reset).

/// Ask before something is thrown away.
pub fn confirm(message: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(message)
        .unwrap_or(false)
}
