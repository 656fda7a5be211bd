//! What several test modules build the same way.

use angleshot::domain::camera::Lens;
use angleshot::domain::profile::multiangle::{Pose, Ranges, initial_shot};
use angleshot::domain::shot::Shot;

/// The default shot with its camera at a pose in the seed model's units (not snapped).
pub fn seed_shot(rotate: i32, forward: i32, tilt: i32, lens: Lens) -> Shot {
    let mut shot = initial_shot(&Ranges::default());
    shot.camera = Pose {
        rotate,
        forward,
        tilt,
    }
    .camera(lens);
    shot
}
