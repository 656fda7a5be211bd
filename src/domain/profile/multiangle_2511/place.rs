//! The panel's shot moved in the 2511 model's terms: fitted to its ranges and, unless Fine
//! values is on, to the LoRA's trained poses. Unlike the seed model's, nothing stops at ±90°:
//! a drag across the back goes round.

use super::{HORIZONTAL_STEP, Pose, VERTICAL_RANGE};
use crate::domain::camera::Camera;
use crate::domain::profile::multiangle::Nudge;
use crate::domain::shot::Shot;

/// Puts the shot's camera at `pose`, fitted (snapped unless Fine values).
pub fn place(shot: &mut Shot, pose: Pose) {
    shot.camera = pose.fitted(shot.fine).camera(shot.camera.lens);
}

/// Puts the shot's camera where a neutral camera is (the gizmo), fitted as [`place`] does.
pub fn place_camera(shot: &mut Shot, camera: &Camera) {
    place(shot, Pose::of(camera));
}

/// Turns Fine values on or off; turning it off snaps the current pose.
pub fn set_fine(shot: &mut Shot, fine: bool) {
    shot.fine = fine;
    place(shot, Pose::of(&shot.camera));
}

/// A key on the gizmo: ←/→ turn round the ring (on past the back), ↑/↓ step the trained
/// elevations, +/− the trained distances; 1 at a time with Fine values.
pub fn nudge(shot: &mut Shot, nudge: Nudge) {
    let mut pose = Pose::of(&shot.camera);
    let fine = shot.fine;
    let turn = if fine { 1 } else { HORIZONTAL_STEP };
    let (rise, closer) = if fine { (1, 1) } else { (30, 5) };
    match nudge {
        // The camera to the artist's left lowers the 2511's angle.
        Nudge::Left => pose.horizontal -= turn,
        Nudge::Right => pose.horizontal += turn,
        Nudge::Up => pose.vertical = (pose.vertical + rise).min(VERTICAL_RANGE.1),
        Nudge::Down => pose.vertical = (pose.vertical - rise).max(VERTICAL_RANGE.0),
        Nudge::Closer => pose.zoom += closer,
        Nudge::Farther => pose.zoom -= closer,
        Nudge::Home => pose = Pose::FRONT,
    }
    place(shot, pose);
}
