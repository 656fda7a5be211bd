//! "Download spin": a set's orbit frames recorded as a video in the browser — a turnaround
//! round and round, an angle set's eye-level ring (with the original at the front) there and
//! back — with progress on the set, and a way to cancel.
//!
//! ```no_run
//! use angleshot::domain::spin::{Backdrop, SpinSize};
//! use angleshot::studio::{spin::SpinOptions, state::Studio};
//! let studio = Studio::new();
//! let options = SpinOptions { pace_ms: 500, size: SpinSize::Long720, backdrop: Backdrop::White };
//! studio.download_spin(7, options, || false);
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::angle_set::{SetAngle, SetKind};
use crate::domain::naming::stem;
use crate::domain::spin::{Backdrop, SpinSize, pick_format, play_order, spin_blocker, video_size};
use crate::platform::sheet_canvas::load_image;
use crate::platform::spin_recorder::{Fill, RecordOptions, record, records};
use crate::studio::set_list::AngleSet;
use crate::studio::state::Studio;
use crate::util::order::{pair_rank, sort_by_rank};

/// How the spin looks.
#[derive(Debug, Clone, PartialEq)]
pub struct SpinOptions {
    pub pace_ms: u32,
    pub size: SpinSize,
    pub backdrop: Backdrop,
}

impl Studio {
    /// The image URLs a set's spin shows, in orbit order, and whether they go round.
    fn spin_frames(&self, set: &AngleSet) -> (Vec<String>, bool) {
        let round = matches!(set.kind, SetKind::Turnaround { .. });
        let mut frames: Vec<(i128, String)> = set
            .cells
            .iter()
            .filter(|cell| round || cell.angle.tilt == 0)
            .filter_map(|cell| {
                let url = self
                    .entry(cell.job)?
                    .card
                    .with(|c| Some(c.result.as_ref()?.object_url.clone()))?;
                let (row, column) = cell.angle.order_key_in(set.kind, set.base_rotation);
                Some((pair_rank(row, column), url))
            })
            .collect();
        if !round && !set.original_url.is_empty() && !frames.is_empty() {
            let front = SetAngle { rotate: 0, tilt: 0 };
            let (row, column) = front.order_key_in(set.kind, set.base_rotation);
            frames.push((pair_rank(row, column), set.original_url.clone()));
        }
        sort_by_rank(&mut frames, |(rank, _)| *rank);
        (frames.into_iter().map(|(_, url)| url).collect(), round)
    }

    /// Why "Download spin" is off for set `set_id` (reactive), if it is.
    pub fn spin_blocker(&self, set_id: u64) -> Option<&'static str> {
        let frames = self.set_entry(set_id).map_or(0, |entry| {
            entry.set.with(|set| self.spin_frames(set).0.len())
        });
        spin_blocker(frames, pick_format(records).is_some())
    }

    /// Records set `set_id`'s spin and saves it; stops when `cancelled()` turns true.
    pub fn download_spin(
        self,
        set_id: u64,
        options: SpinOptions,
        cancelled: impl Fn() -> bool + 'static,
    ) {
        let Some(entry) = self.set_entry(set_id) else {
            return;
        };
        let set = entry.set.get_untracked();
        let (urls, round) = untrack(|| self.spin_frames(&set));
        let report = move |text: String| {
            entry.set.try_update(|s| s.packing = Some(text));
        };
        let Some((mime, extension)) = pick_format(records) else {
            return report("This browser cannot record video (no MediaRecorder).".into());
        };
        spawn_local(async move {
            let mut frames = Vec::with_capacity(urls.len());
            for url in &urls {
                match load_image(url).await {
                    Some(image) => frames.push(image),
                    None => {
                        return report(
                            "Could not record the spin: a frame could not be read back.".into(),
                        );
                    }
                }
            }
            let largest = frames.iter().fold((0, 0), |(w, h), f| {
                (w.max(f.natural_width()), h.max(f.natural_height()))
            });
            let size = video_size(largest, options.size);
            let order = play_order(frames.len(), round);
            let fill = match &options.backdrop {
                Backdrop::Checkerboard => Fill::Checkerboard,
                Backdrop::White => Fill::Solid("#ffffff"),
                Backdrop::Black => Fill::Solid("#000000"),
                Backdrop::Colour(colour) => Fill::Solid(colour),
            };
            let recording = RecordOptions {
                size,
                pace_ms: options.pace_ms,
                fill,
                mime,
            };
            let progress = |at: usize, of: usize| report(format!("Recording frame {at} of {of}…"));
            match record(&frames, &order, recording, &progress, &cancelled).await {
                Ok(video) => {
                    let name = format!("{}_spin.{extension}", stem(&set.input_name));
                    let Ok(url) = web_sys::Url::create_object_url_with_blob(&video) else {
                        return report("Could not save the spin.".into());
                    };
                    crate::platform::files::save(&url, &name);
                    gloo_timers::callback::Timeout::new(60_000, move || {
                        let _ = web_sys::Url::revoke_object_url(&url);
                    })
                    .forget();
                    report(format!(
                        "Saved {name}: {} frames of {} s, {}×{} ({}).",
                        order.len(),
                        crate::util::math::Decimal(f64::from(options.pace_ms) / 1000.0),
                        size.0,
                        size.1,
                        mime.split(';').next().unwrap_or(mime)
                    ));
                }
                Err(message) => report(message),
            }
        });
    }
}
