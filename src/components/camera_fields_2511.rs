//! The 2511 model's fields: its camera in its own units (Horizontal angle 0..360 growing to
//! the artist's right, Vertical angle −30..90, Zoom 0..10), its takes and seed, and under
//! More options its strength, steps, guidance and acceleration.

use leptos::prelude::*;

use crate::domain::profile::multiangle_2511::{Acceleration, MAX_SEED, describe};
use crate::studio::state::Studio;

fn parse_number(text: &str) -> Option<f64> {
    crate::util::math::parse_number(text).filter(|v| v.is_finite())
}

/// `text` as a whole number, if it is one at all.
fn parse_whole(text: &str) -> Option<i32> {
    parse_number(text).map(|v| v.round() as i32)
}

/// The fields, in the details panel when the 2511 model is chosen.
#[component]
pub fn CameraFields2511() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let camera = studio.camera;
    let pose = Memo::new(move |_| camera.pose_2511());
    let fine = Memo::new(move |_| camera.shot().with(|s| s.fine));
    let options = camera.options_2511();
    let seed_text = move || options.with(|o| o.seed.map(|s| s.to_string()).unwrap_or_default());
    view! {
        <div class="field">
            <label for="horizontal">"Horizontal angle"</label>
            <output for="horizontal">{move || format!("{}°", pose.get().horizontal)}</output>
            <input id="horizontal" type="range" min="0" max="359"
                step=move || if fine.get() { 1 } else { 45 }
                prop:value=move || pose.get().horizontal
                aria-valuetext=move || format!("{}° — {}", pose.get().horizontal, crate::domain::profile::multiangle_2511::view_words(pose.get().horizontal))
                on:input=move |ev| { if let Some(v) = parse_whole(&event_target_value(&ev)) { camera.set_pose_2511(|p| p.horizontal = v) } } />
            <p class="scale"><span>"0 front"</span><span>"90 right · 180 back · 270 left"</span></p>
        </div>
        <div class="field">
            <label for="vertical">"Vertical angle"</label>
            <output for="vertical">{move || format!("{}°", pose.get().vertical)}</output>
            <input id="vertical" type="range" min="-30" max="90"
                step=move || if fine.get() { 1 } else { 30 }
                prop:value=move || pose.get().vertical
                on:input=move |ev| { if let Some(v) = parse_whole(&event_target_value(&ev)) { camera.set_pose_2511(|p| p.vertical = v) } } />
            <p class="scale"><span>"low angle (−30)"</span><span>"bird's-eye (90)"</span></p>
        </div>
        <div class="field">
            <label for="zoom">"Zoom"</label>
            <output for="zoom">{move || pose.get().zoom}</output>
            <input id="zoom" type="range" min="0" max="10"
                step=move || if fine.get() { 1 } else { 5 }
                prop:value=move || pose.get().zoom
                on:input=move |ev| { if let Some(v) = parse_whole(&event_target_value(&ev)) { camera.set_pose_2511(|p| p.zoom = v) } } />
            <p class="scale"><span>"wide shot (0)"</span><span>"close-up (10)"</span></p>
        </div>
        <div class="check">
            <input id="fine" type="checkbox" prop:checked=fine
                on:change=move |ev| { let on = event_target_checked(&ev); camera.set_fine(on) } />
            <label for="fine">"Fine values"</label>
            <span class="hint">"(off: snap to the LoRA's trained poses)"</span>
        </div>
        <div class="row">
            <div class="field">
                <label for="outputs">"Outputs"</label>
                <input id="outputs" type="number" inputmode="numeric" min="1" max="4" step="1"
                    prop:value=move || options.with(|o| o.num_outputs)
                    on:change=move |ev| { if let Some(v) = parse_whole(&event_target_value(&ev)) { camera.set_options_2511(|o| o.num_outputs = v.clamp(1, 4) as u32) } } />
            </div>
            <div class="field">
                <label for="seed">"Seed"</label>
                <input id="seed" type="text" inputmode="numeric" placeholder="random"
                    prop:value=seed_text
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        let seed = parse_number(text.trim()).map(|v| v.clamp(0.0, f64::from(MAX_SEED)) as u32);
                        camera.set_options_2511(|o| o.seed = seed);
                    } />
            </div>
        </div>
        <details class="more">
            <summary>"More options"</summary>
            <div class="field">
                <label for="lora-2511">"LoRA scale"</label>
                <input id="lora-2511" type="number" inputmode="decimal" min="0" max="4" step="0.05"
                    prop:value=move || options.with(|o| o.lora_scale)
                    on:change=move |ev| { if let Some(v) = parse_number(&event_target_value(&ev)) { camera.set_options_2511(|o| o.lora_scale = v.clamp(0.0, 4.0)) } } />
            </div>
            <div class="field">
                <label for="steps">"Steps"</label>
                <input id="steps" type="number" inputmode="numeric" min="1" max="50" step="1"
                    prop:value=move || options.with(|o| o.num_inference_steps)
                    on:change=move |ev| { if let Some(v) = parse_whole(&event_target_value(&ev)) { camera.set_options_2511(|o| o.num_inference_steps = v.clamp(1, 50) as u32) } } />
            </div>
            <div class="field">
                <label for="guidance">"Guidance"</label>
                <input id="guidance" type="number" inputmode="decimal" min="1" max="20" step="0.5"
                    prop:value=move || options.with(|o| o.guidance_scale)
                    on:change=move |ev| { if let Some(v) = parse_number(&event_target_value(&ev)) { camera.set_options_2511(|o| o.guidance_scale = v.clamp(1.0, 20.0)) } } />
            </div>
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
