//! One labelled number: a slider or a number box, with its range and the value it shows,
//! type-erased (signals and a callback in), so every field of a panel shares one view's code.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::components::number_field::{NumberField, NumberInput};
//! let steps = RwSignal::new(28.0);
//! let _ = view! {
//!     <NumberField id="steps" label="Steps" input=NumberInput::Box
//!         range=(1.0, 50.0) step=Signal::stored(1.0)
//!         value=Signal::derive(move || steps.get())
//!         on_change=Callback::new(move |v| steps.set(v)) />
//! };
//! ```

use leptos::prelude::*;

use crate::util::math::Decimal;

/// How the number is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberInput {
    /// A range slider: every move lands (`input`), with the value shown beside the label.
    Slider,
    /// A number box: the value lands when the artist leaves it (`change`).
    Box,
}

/// See the module docs. A value that is not a number is ignored; the owner clamps.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    input: NumberInput,
    range: (f64, f64),
    #[prop(into)] step: Signal<f64>,
    #[prop(into)] value: Signal<f64>,
    on_change: Callback<f64>,
    /// The value in words, for the slider's `aria-valuetext` and its visible output.
    #[prop(optional, into)]
    value_text: Option<Signal<String>>,
    /// Words under a slider for its two ends.
    #[prop(optional)]
    ends: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let number = move || Decimal(value.get()).to_string();
    let shown = move || value_text.map_or_else(number, |t| t.get());
    let take = move |ev: leptos::ev::Event| {
        if let Some(v) =
            crate::util::math::parse_number(&event_target_value(&ev)).filter(|v| v.is_finite())
        {
            on_change.run(v);
        }
    };
    let (min, max) = (Decimal(range.0).to_string(), Decimal(range.1).to_string());
    let step = move || Decimal(step.get()).to_string();
    let field = match input {
        NumberInput::Slider => view! {
            <input id=id type="range" min=min max=max step=step prop:value=number
                aria-valuetext=shown on:input=take />
        }
        .into_any(),
        NumberInput::Box => view! {
            <input id=id type="number" inputmode="decimal" min=min max=max step=step
                prop:value=number on:change=take />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(input == NumberInput::Slider).then(|| view! { <output for=id>{shown}</output> })}
            {field}
            {ends.map(|(low, high)| view! { <p class="scale"><span>{low}</span><span>{high}</span></p> })}
        </div>
    }
}
