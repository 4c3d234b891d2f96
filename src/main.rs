//! The binary Trunk builds: it only starts the app.

fn main() {
    workforce_gap::start();
}
