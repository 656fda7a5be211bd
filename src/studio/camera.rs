//! The camera store: the panel's model, its shot (neutral camera, lens, options, prompt), the
//! 2511 model's own options and the seed model's ranges, owned here and changed only through
//! its actions, each of which keeps the shot within the chosen model's ranges and on its
//! trained poses unless Fine values is on.
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

use crate::api::types::{AspectRatio, ModelInput};
use crate::domain::camera::{Camera, Lens};
use crate::domain::presets::{Preset, Toggle, apply, toggle};
use crate::domain::profile::multiangle::{self, Nudge, Pose, Ranges};
use crate::domain::profile::multiangle_2511::{self as m2511, Options as Options2511};
use crate::domain::profile::{JobBody, Model};
use crate::domain::shot::Shot;

/// See the module docs.
#[derive(Clone, Copy)]
pub struct CameraStore {
    model: RwSignal<Model>,
    shot: RwSignal<Shot>,
    ranges: RwSignal<Ranges>,
    options_2511: RwSignal<Options2511>,
    model_note: RwSignal<Option<String>>,
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
            model: RwSignal::new(Model::default()),
            shot: RwSignal::new(multiangle::initial_shot(&ranges)),
            ranges: RwSignal::new(ranges),
            options_2511: RwSignal::new(Options2511::default()),
            model_note: RwSignal::new(None),
        }
    }

    /// What the panel says of the chosen model's description (inputs it lacks), read-only.
    pub fn model_note(&self) -> ReadSignal<Option<String>> {
        self.model_note.read_only()
    }

    /// The 2511 model's description arrived: names what it lacks; the profile's defaults
    /// stay either way.
    pub fn apply_2511_inputs(&self, inputs: &[ModelInput]) {
        self.note_missing_inputs(Model::QwenEditMultiangle2511, inputs);
    }

    fn note_missing_inputs(&self, model: Model, inputs: &[ModelInput]) {
        if self.model.get_untracked() != model {
            return;
        }
        let listed: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        let missing = model.missing_inputs(&listed);
        self.model_note
            .set(crate::domain::profile::missing_inputs_note(&missing));
    }

    /// The chosen model, read-only.
    pub fn model(&self) -> ReadSignal<Model> {
        self.model.read_only()
    }

    /// "Model": the camera stays where it is, brought into the new model's reach.
    pub fn set_model(&self, model: Model) {
        self.model.set(model);
        self.model_note.set(None);
        let camera = self.shot.with_untracked(|s| s.camera);
        self.drag_to(|c| *c = camera);
    }

    /// The 2511 model's options (takes, steps, guidance, acceleration, seed), read-only.
    pub fn options_2511(&self) -> ReadSignal<Options2511> {
        self.options_2511.read_only()
    }

    /// Changes the 2511 model's options (the body clamps them to the model's ranges).
    pub fn set_options_2511(&self, change: impl FnOnce(&mut Options2511)) {
        self.options_2511.update(change);
    }

    /// The azimuths (neutral degrees, lowest first) the chosen model reaches in one job
    /// (reactive): the whole ring for the 2511 model.
    pub fn azimuth_reach(&self) -> (f64, f64) {
        match self.model.get() {
            Model::QwenEditMultiangle => self.ranges.with(Ranges::azimuth_reach),
            Model::QwenEditMultiangle2511 => (-180.0, 180.0),
        }
    }

    /// The 2511 pose of the shot as the body will send it (snapped unless Fine values).
    pub fn pose_2511(&self) -> m2511::Pose {
        self.shot
            .with(|s| m2511::Pose::of(&s.camera).fitted(s.fine))
    }

    /// The shot, read-only.
    pub fn shot(&self) -> ReadSignal<Shot> {
        self.shot.read_only()
    }

    /// The model's ranges, read-only.
    pub fn ranges(&self) -> ReadSignal<Ranges> {
        self.ranges.read_only()
    }

    /// The generate body this shot makes for input asset `image`, for the chosen model.
    pub fn body(&self, image: &str) -> JobBody {
        match self.model.get_untracked() {
            Model::QwenEditMultiangle => self
                .shot
                .with_untracked(|shot| multiangle::body(shot, image))
                .into(),
            Model::QwenEditMultiangle2511 => {
                let pose = self.pose_2511_untracked();
                let options = self.options_2511.get_untracked();
                m2511::body(pose, &options, image).into()
            }
        }
    }

    /// The 2511 bodies of a turnaround (0, 45, …, 315 at the panel's elevation and zoom),
    /// all with `seed`.
    pub fn turnaround_bodies(&self, image: &str, seed: u32) -> Vec<m2511::Body> {
        let pose = self.pose_2511_untracked();
        let options = Options2511 {
            seed: Some(seed),
            ..self.options_2511.get_untracked()
        };
        m2511::turnaround(pose.vertical, pose.zoom)
            .into_iter()
            .map(|pose| m2511::body(pose, &options, image))
            .collect()
    }

    fn pose_2511_untracked(&self) -> m2511::Pose {
        self.shot
            .with_untracked(|s| m2511::Pose::of(&s.camera).fitted(s.fine))
    }

    fn edit(&self, change: impl FnOnce(&mut Shot, &Ranges)) {
        let ranges = self.ranges.get_untracked();
        self.shot.update(|shot| change(shot, &ranges));
    }

    /// Whether the chosen model is the 2511 one (then the pose is its own, not the ranges').
    fn is_2511(&self) -> bool {
        self.model.get_untracked() == Model::QwenEditMultiangle2511
    }

    /// Sets the pose in the model's units (a slider), fitted to the ranges.
    pub fn set_pose(&self, change: impl FnOnce(&mut Pose)) {
        self.edit(|shot, ranges| {
            let mut pose = Pose::of(&shot.camera);
            change(&mut pose);
            multiangle::place(shot, pose, ranges);
        });
    }

    /// Sets the pose in the 2511 model's units (its sliders), fitted to its poses.
    pub fn set_pose_2511(&self, change: impl FnOnce(&mut m2511::Pose)) {
        self.shot.update(|shot| {
            let mut pose = m2511::Pose::of(&shot.camera);
            change(&mut pose);
            m2511::place(shot, pose);
        });
    }

    /// Puts the camera where the gizmo was dragged (only the values given change).
    pub fn drag_to(&self, change: impl FnOnce(&mut Camera)) {
        let is_2511 = self.is_2511();
        self.edit(|shot, ranges| {
            let mut camera = shot.camera;
            change(&mut camera);
            if is_2511 {
                m2511::place_camera(shot, &camera);
            } else {
                multiangle::place_camera(shot, &camera, ranges);
            }
        });
    }

    /// A key on the gizmo.
    pub fn nudge(&self, nudge: Nudge) {
        let is_2511 = self.is_2511();
        self.edit(|shot, ranges| {
            if is_2511 {
                m2511::nudge(shot, nudge);
            } else {
                multiangle::nudge(shot, nudge, ranges);
            }
        });
    }

    /// A pose preset: the whole pose (the presets are the seed model's poses, which the
    /// 2511 model reaches too).
    pub fn apply_preset(&self, preset: Preset) {
        let is_2511 = self.is_2511();
        self.edit(|shot, ranges| {
            apply(shot, preset, ranges);
            if is_2511 {
                let camera = shot.camera;
                m2511::place_camera(shot, &camera);
            }
        });
    }

    /// Back to the front at eye level and the widest framing (lens and options stay): the
    /// pose of a new input.
    pub fn back_to_front(&self) {
        let is_2511 = self.is_2511();
        self.edit(|shot, ranges| {
            multiangle::place(shot, Pose::FRONT, ranges);
            if is_2511 {
                let camera = shot.camera;
                m2511::place_camera(shot, &camera);
            }
        });
    }

    /// Close-up or Wide-angle lens, on or off.
    pub fn toggle(&self, which: Toggle) {
        self.edit(|shot, ranges| toggle(shot, which, ranges));
    }

    /// "Fine values": off snaps the pose.
    pub fn set_fine(&self, fine: bool) {
        let is_2511 = self.is_2511();
        self.edit(|shot, ranges| {
            if is_2511 {
                m2511::set_fine(shot, fine);
            } else {
                multiangle::set_fine(shot, fine, ranges);
            }
        });
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
        self.note_missing_inputs(Model::QwenEditMultiangle, inputs);
        let ranges = Ranges::from_model_inputs(inputs);
        self.shot.update(|shot| multiangle::refit(shot, &ranges));
        self.ranges.set(ranges);
    }

    /// A kept draft's shot.
    pub fn restore(&self, shot: Shot) {
        self.shot.set(shot);
    }
}
