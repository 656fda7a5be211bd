//! The 2511 model's fields: its camera in its own units (Horizontal angle 0..360 growing to
//! the artist's right, Vertical angle −30..90, Zoom 0..10), its takes and seed, and under
//! More options its strength, steps, guidance and acceleration.

use leptos::prelude::*;

use crate::components::camera_details::FineValues;
use crate::components::number_field::{NumberField, NumberInput};
use crate::domain::profile::multiangle_2511::{
    Acceleration, MAX_SEED, Options, Pose, describe, view_words,
};
use crate::studio::state::Studio;

/// The fields, in the details panel when the 2511 model is chosen.
#[component]
pub fn CameraFields2511() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let camera = studio.camera;
    let pose = Memo::new(move |_| camera.pose_2511());
    let fine = Memo::new(move |_| camera.shot().with(|s| s.fine));
    let options = camera.options_2511();
    // A trained step, or 1 with Fine values.
    let step = move |trained: f64| Signal::derive(move || if fine.get() { 1.0 } else { trained });
    let pose_field = move |read: fn(&Pose) -> i32, write: fn(&mut Pose, i32)| {
        (
            Signal::derive(move || f64::from(read(&pose.get()))),
            Callback::new(move |v: f64| camera.set_pose_2511(|p| write(p, v.round() as i32))),
        )
    };
    let option_field = move |read: fn(&Options) -> f64, write: fn(&mut Options, f64)| {
        (
            Signal::derive(move || options.with(read)),
            Callback::new(move |v: f64| camera.set_options_2511(|o| write(o, v))),
        )
    };
    let (horizontal, set_horizontal) = pose_field(|p| p.horizontal, |p, v| p.horizontal = v);
    let (vertical, set_vertical) = pose_field(|p| p.vertical, |p, v| p.vertical = v);
    let (zoom, set_zoom) = pose_field(|p| p.zoom, |p, v| p.zoom = v);
    let (outputs, set_outputs) = option_field(
        |o| f64::from(o.num_outputs),
        |o, v| o.num_outputs = v.round().clamp(1.0, 4.0) as u32,
    );
    let (lora, set_lora) = option_field(|o| o.lora_scale, |o, v| o.lora_scale = v.clamp(0.0, 4.0));
    let (steps, set_steps) = option_field(
        |o| f64::from(o.num_inference_steps),
        |o, v| o.num_inference_steps = v.round().clamp(1.0, 50.0) as u32,
    );
    let (guidance, set_guidance) = option_field(
        |o| o.guidance_scale,
        |o, v| o.guidance_scale = v.clamp(1.0, 20.0),
    );
    let seed_text = move || options.with(|o| o.seed.map(|s| s.to_string()).unwrap_or_default());
    view! {
        <NumberField id="horizontal" label="Horizontal angle" input=NumberInput::Slider
            range=(0.0, 359.0) step=step(45.0) value=horizontal on_change=set_horizontal
            value_text=Signal::derive(move || { let h = pose.get().horizontal; format!("{h}° — {}", view_words(h)) })
            ends=("0 front", "90 right · 180 back · 270 left") />
        <NumberField id="vertical" label="Vertical angle" input=NumberInput::Slider
            range=(-30.0, 90.0) step=step(30.0) value=vertical on_change=set_vertical
            ends=("low angle (−30)", "bird's-eye (90)") />
        <NumberField id="zoom" label="Zoom" input=NumberInput::Slider
            range=(0.0, 10.0) step=step(5.0) value=zoom on_change=set_zoom
            ends=("wide shot (0)", "close-up (10)") />
        <FineValues hint="(off: snap to the LoRA's trained poses)" />
        <div class="row">
            <NumberField id="outputs" label="Outputs" input=NumberInput::Box
                range=(1.0, 4.0) step=Signal::stored(1.0) value=outputs on_change=set_outputs />
            <div class="field">
                <label for="seed">"Seed"</label>
                <input id="seed" type="text" inputmode="numeric" placeholder="random"
                    prop:value=seed_text
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        // Blank (or not a number): the model picks one.
                        let seed = crate::util::math::parse_number(text.trim())
                            .filter(|v| v.is_finite())
                            .map(|v| v.clamp(0.0, f64::from(MAX_SEED)) as u32);
                        camera.set_options_2511(|o| o.seed = seed);
                    } />
            </div>
        </div>
        <details class="more">
            <summary>"More options"</summary>
            <NumberField id="lora-2511" label="LoRA scale" input=NumberInput::Box
                range=(0.0, 4.0) step=Signal::stored(0.05) value=lora on_change=set_lora />
            <NumberField id="steps" label="Steps" input=NumberInput::Box
                range=(1.0, 50.0) step=Signal::stored(1.0) value=steps on_change=set_steps />
            <NumberField id="guidance" label="Guidance" input=NumberInput::Box
                range=(1.0, 20.0) step=Signal::stored(0.5) value=guidance on_change=set_guidance />
            <div class="field">
                <label for="acceleration">"Acceleration"</label>
                <select id="acceleration"
                    on:change=move |ev| {
                        let acceleration = if event_target_value(&ev) == "regular" { Acceleration::Regular } else { Acceleration::None };
                        camera.set_options_2511(|o| o.acceleration = acceleration);
                    }>
                    <option value="none" selected=move || options.with(|o| o.acceleration == Acceleration::None)>"none"</option>
                    <option value="regular" selected=move || options.with(|o| o.acceleration == Acceleration::Regular)>"regular"</option>
                </select>
            </div>
        </details>
        <p class="directive" aria-label="Pose in the model's words" role="note">{move || describe(pose.get())}</p>
    }
}
