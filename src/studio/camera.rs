//! The camera store: the panel's shot (neutral camera, lens, options, prompt) and the model's
//! ranges, owned here and changed only through its actions, each of which keeps the shot
//! within the ranges and on the trained poses unless Fine values is on.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::studio::camera::CameraStore;
//! use angleshot::domain::presets::Preset;
//! let camera = CameraStore::new();
//! camera.apply_preset(Preset::Left45);
//! assert!(camera.shot().with_untracked(|s| s.camera.azimuth) < 0.0);
//! ```

use leptos::prelude::*;

use crate::api::types::{AspectRatio, GenerateBody, ModelInput};
use crate::domain::camera::{Camera, Lens};
use crate::domain::presets::{Preset, Toggle, apply, toggle};
use crate::domain::profile::multiangle::{self, Nudge, Pose, Ranges};
use crate::domain::shot::Shot;

/// See the module docs.
#[derive(Clone, Copy)]
pub struct CameraStore {
    shot: RwSignal<Shot>,
    ranges: RwSignal<Ranges>,
}

impl Default for CameraStore {
    fn default() -> Self {
        Self::new()
    }
}

impl CameraStore {
    /// The contract's defaults.
    pub fn new() -> Self {
        let ranges = Ranges::default();
        CameraStore {
            shot: RwSignal::new(multiangle::initial_shot(&ranges)),
            ranges: RwSignal::new(ranges),
        }
    }

    /// The shot, read-only.
    pub fn shot(&self) -> ReadSignal<Shot> {
        self.shot.read_only()
    }

    /// The model's ranges, read-only.
    pub fn ranges(&self) -> ReadSignal<Ranges> {
        self.ranges.read_only()
    }

    /// The generate body this shot makes for input asset `image`.
    pub fn body(&self, image: &str) -> GenerateBody {
        self.shot
            .with_untracked(|shot| multiangle::body(shot, image))
    }

    fn edit(&self, change: impl FnOnce(&mut Shot, &Ranges)) {
        let ranges = self.ranges.get_untracked();
        self.shot.update(|shot| change(shot, &ranges));
    }

    /// Sets the pose in the model's units (a slider), fitted to the ranges.
    pub fn set_pose(&self, change: impl FnOnce(&mut Pose)) {
        self.edit(|shot, ranges| {
            let mut pose = Pose::of(&shot.camera);
            change(&mut pose);
            multiangle::place(shot, pose, ranges);
        });
    }

    /// Puts the camera where the gizmo was dragged (only the values given change).
    pub fn drag_to(&self, change: impl FnOnce(&mut Camera)) {
        self.edit(|shot, ranges| {
            let mut camera = shot.camera;
            change(&mut camera);
            multiangle::place_camera(shot, &camera, ranges);
        });
    }

    /// A key on the gizmo.
    pub fn nudge(&self, nudge: Nudge) {
        self.edit(|shot, ranges| multiangle::nudge(shot, nudge, ranges));
    }

    /// A pose preset: the whole pose.
    pub fn apply_preset(&self, preset: Preset) {
        self.edit(|shot, ranges| apply(shot, preset, ranges));
    }

    /// Back to the front at eye level and the widest framing (lens and options stay): the
    /// pose of a new input.
    pub fn back_to_front(&self) {
        self.edit(|shot, ranges| multiangle::place(shot, Pose::FRONT, ranges));
    }

    /// Close-up or Wide-angle lens, on or off.
    pub fn toggle(&self, which: Toggle) {
        self.edit(|shot, ranges| toggle(shot, which, ranges));
    }

    /// "Fine values": off snaps the pose.
    pub fn set_fine(&self, fine: bool) {
        self.edit(|shot, ranges| multiangle::set_fine(shot, fine, ranges));
    }

    /// "Wide-angle lens".
    pub fn set_lens(&self, lens: Lens) {
        self.shot.update(|shot| shot.camera.lens = lens);
    }

    /// "Aspect ratio", when the model allows it.
    pub fn set_aspect_ratio(&self, ratio: AspectRatio) {
        if self
            .ranges
            .with_untracked(|r| r.aspect_ratios.contains(&ratio))
        {
            self.shot.update(|shot| shot.aspect_ratio = ratio);
        }
    }

    /// "LoRA scale", clamped to its range.
    pub fn set_lora_scale(&self, value: f64) {
        self.edit(|shot, ranges| multiangle::set_lora_scale(shot, value, ranges));
    }

    /// "Go fast".
    pub fn set_go_fast(&self, on: bool) {
        self.shot.update(|shot| shot.go_fast = on);
    }

    /// "Prompt".
    pub fn set_prompt(&self, text: String) {
        self.shot.update(|shot| shot.prompt = text);
    }

    /// The model's own inputs arrived (`GET /models/{id}`): they become the ranges and the
    /// shot is brought into them.
    pub fn apply_model_inputs(&self, inputs: &[ModelInput]) {
        let ranges = Ranges::from_model_inputs(inputs);
        self.shot.update(|shot| multiangle::refit(shot, &ranges));
        self.ranges.set(ranges);
    }

    /// A kept draft's shot.
    pub fn restore(&self, shot: Shot) {
        self.shot.set(shot);
    }
}
