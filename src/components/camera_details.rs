//! The camera's details, below the gizmo: every parameter of the model with its range and
//! default, snapping with a "Fine values" toggle, the options, the prompt, the live
//! directive, the optional cost estimate and the angle set.

use leptos::prelude::*;

use crate::api::types::AspectRatio;
use crate::components::camera_fields_2511::CameraFields2511;
use crate::components::set_panel::{JobsAtOnce, SetEditor};
use crate::domain::camera::Lens;
use crate::domain::profile::Model;
use crate::domain::profile::multiangle::{Pose, directive};
use crate::studio::state::Studio;
use crate::util::math::Decimal;

fn parse_int(text: &str) -> Option<i32> {
    crate::util::math::parse_number(text)
        .filter(|v| v.is_finite())
        .map(|v| v.round() as i32)
}

fn parse_float(text: &str) -> Option<f64> {
    crate::util::math::parse_number(text)
}

/// Words for a rotate value, used as the slider's spoken value.
fn rotate_words(rotate: i32) -> String {
    match rotate {
        0 => "front".to_string(),
        r if r > 0 => format!("{r}° — camera to the left"),
        r => format!("{}° — camera to the right", -r),
    }
}

/// The details panel.
#[component]
pub fn CameraDetails() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let generate_blocker = Memo::new(move |_| studio.generate_blocker());
    let model = studio.camera.model();
    let is_seed = move || model.get() == Model::QwenEditMultiangle;
    view! {
        <section class="panel details" aria-labelledby="details-title">
            <h2 id="details-title">"Camera details"</h2>
            <div class="field">
                <label for="model">"Model"</label>
                <select id="model"
                    on:change=move |ev| {
                        if let Some(chosen) = Model::from_id(&event_target_value(&ev)) { studio.choose_model(chosen) }
                    }>
                    {Model::ALL.into_iter().map(|m| view! {
                        <option value=m.id() selected=move || model.get() == m>{m.name()}</option>
                    }).collect_view()}
                </select>
                <p class="hint" role="status" aria-label="Model notes">{move || studio.camera.model_note().get()}</p>
            </div>
            <Show when=is_seed fallback=|| view! { <CameraFields2511 /> }>
                <CameraFields />
            </Show>
            <div class="row">
                <button type="button" class="secondary"
                    disabled=move || generate_blocker.get().is_some()
                    on:click=move |_| studio.estimate_cost()>"Estimate cost"</button>
                <p class="cost" role="status" aria-label="Cost estimate">{move || studio.cost().get()}</p>
            </div>
            <Show when=is_seed fallback=|| view! { <JobsAtOnce /> }>
                <SetEditor />
            </Show>
        </section>
    }
}

/// Sliders, toggles, options, prompt, the directive and the angle set.
#[component]
fn CameraFields() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let camera = studio.camera;
    let shot = camera.shot();
    let ranges = camera.ranges();
    // One memo per field: dragging the gizmo changes the pose every pointer-move, and only
    // what shows it should run then (not the prompt, the options, the reasons).
    let pose = Memo::new(move |_| shot.with(|s| Pose::of(&s.camera)));
    let rotate = Memo::new(move |_| pose.get().rotate);
    let forward = Memo::new(move |_| pose.get().forward);
    let tilt = Memo::new(move |_| pose.get().tilt);
    let fine = Memo::new(move |_| shot.with(|s| s.fine));
    let wide_angle = Memo::new(move |_| shot.with(|s| s.camera.lens == Lens::Wide));
    let aspect_ratio = Memo::new(move |_| shot.with(|s| s.aspect_ratio));
    let lora_scale = Memo::new(move |_| shot.with(|s| s.lora_scale));
    let go_fast = Memo::new(move |_| shot.with(|s| s.go_fast));
    let prompt = Memo::new(move |_| shot.with(|s| s.prompt.clone()));
    view! {
        <div class="field">
            <label for="rotate">"Rotate"</label>
            <output for="rotate">{move || rotate_words(rotate.get())}</output>
            // Right-to-left so that moving the thumb LEFT orbits the camera to the left (+).
            <input id="rotate" type="range" dir="rtl" aria-describedby="rotate-help"
                min=move || ranges.with(|r| r.rotate.min) max=move || ranges.with(|r| r.rotate.max)
                step=move || if fine.get() { 1 } else { 45 }
                prop:value=rotate
                aria-valuetext=move || rotate_words(rotate.get())
                on:input=move |ev| { if let Some(v) = parse_int(&event_target_value(&ev)) { camera.set_pose(|p| p.rotate = v) } } />
            <p id="rotate-help" class="scale"><span>"← camera orbits left (+)"</span><span>"camera orbits right (−) →"</span></p>
        </div>

        <div class="field">
            <label for="forward">"Move forward"</label>
            <output for="forward">{move || match forward.get() { 0 => "0 — full view".to_string(), f if f > 5 => format!("{f} — close-up"), f => f.to_string() }}</output>
            <input id="forward" type="range"
                min=move || ranges.with(|r| r.forward.min) max=move || ranges.with(|r| r.forward.max)
                step=move || if fine.get() { 1 } else { 5 }
                prop:value=forward
                on:input=move |ev| { if let Some(v) = parse_int(&event_target_value(&ev)) { camera.set_pose(|p| p.forward = v) } } />
        </div>

        <div class="field">
            <label for="tilt">"Vertical tilt"</label>
            <output for="tilt">{move || match tilt.get() { t if t < 0 => "−1 — top-down", 0 => "0 — eye level", _ => "1 — low angle" }}</output>
            <input id="tilt" type="range" step="1"
                min=move || ranges.with(|r| r.tilt.min) max=move || ranges.with(|r| r.tilt.max)
                prop:value=tilt
                aria-valuetext=move || match tilt.get() { t if t < 0 => "top-down", 0 => "eye level", _ => "low angle" }
                on:input=move |ev| { if let Some(v) = parse_int(&event_target_value(&ev)) { camera.set_pose(|p| p.tilt = v) } } />
            <p class="scale"><span>"top-down (−1)"</span><span>"low angle (1)"</span></p>
        </div>

        <FineValues hint="(off: snap to the model's trained angles)" />
        <div class="check">
            <input id="wide" type="checkbox" prop:checked=wide_angle
                on:change=move |ev| { let on = event_target_checked(&ev); camera.set_lens(if on { Lens::Wide } else { Lens::Normal }) } />
            <label for="wide">"Wide-angle lens"</label>
        </div>

        // Less-used options fold away so Generate stays close on a tablet.
        <details class="more">
            <summary>"More options"</summary>
            <div class="field">
                <label for="aspect">"Aspect ratio"</label>
                <select id="aspect"
                    on:change=move |ev| { if let Some(ratio) = AspectRatio::from_wire(&event_target_value(&ev)) { camera.set_aspect_ratio(ratio) } }>
                    {move || ranges.with(|r| r.aspect_ratios.clone()).into_iter().map(|ratio| view! {
                        <option value=ratio.as_wire() selected=move || aspect_ratio.get() == ratio>
                            {if ratio == AspectRatio::MatchInput { "match input image" } else { ratio.as_wire() }}
                        </option>
                    }).collect_view()}
                </select>
            </div>

            <div class="field">
                <label for="lora">"LoRA scale"</label>
                <input id="lora" type="number" inputmode="decimal"
                    min=move || ranges.with(|r| Decimal(r.lora_min).to_string())
                    max=move || ranges.with(|r| Decimal(r.lora_max).to_string())
                    step=move || ranges.with(|r| Decimal(r.lora_step).to_string())
                    prop:value=lora_scale
                    on:change=move |ev| { if let Some(v) = parse_float(&event_target_value(&ev)) { camera.set_lora_scale(v) } } />
            </div>

            <div class="check">
                <input id="fast" type="checkbox" prop:checked=go_fast
                    on:change=move |ev| { let on = event_target_checked(&ev); camera.set_go_fast(on) } />
                <label for="fast">"Go fast"</label>
            </div>
        </details>

        <div class="field">
            <label for="prompt">"Prompt"</label>
            <textarea id="prompt" rows="2" placeholder="Optional, added after the camera directive"
                prop:value=prompt
                on:input=move |ev| { let text = event_target_value(&ev); camera.set_prompt(text) }></textarea>
        </div>

        <p class="directive" aria-label="Camera directive" role="note">{move || shot.with(directive)}</p>

    }
}

/// "Fine values": off, the pose snaps to what the chosen model was trained on (`hint` says
/// what that is).
#[component]
pub fn FineValues(hint: &'static str) -> impl IntoView {
    let camera = expect_context::<Studio>().camera;
    let fine = Memo::new(move |_| camera.shot().with(|s| s.fine));
    view! {
        <div class="check">
            <input id="fine" type="checkbox" prop:checked=fine
                on:change=move |ev| { let on = event_target_checked(&ev); camera.set_fine(on) } />
            <label for="fine">"Fine values"</label>
            <span class="hint">{hint}</span>
        </div>
    }
}
