//! "Download sprite sheet": a set's frames (each finished cell's first take, in the set's
//! order) drawn into one PNG of equal cells in the grid the artist picked, with its frame
//! atlas; the same two files go into the set's ZIP. Layout and atlas: `domain::sprite_sheet`.
//!
//! ```no_run
//! use angleshot::domain::sprite_sheet::Grid;
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.download_sprite_sheet(7, Grid::FourByTwo);
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::set_archive::frame_label;
use crate::domain::set_export::unique_names;
use crate::domain::sprite_sheet::{Grid, SheetFrame, layout};
use crate::platform::sheet_canvas::{draw_sheet, load_image};
use crate::studio::set_list::AngleSet;
use crate::studio::state::Studio;

/// A drawn sheet: the PNG and the atlas, with their file names.
pub struct SpriteSheet {
    pub png: Vec<u8>,
    pub png_name: String,
    pub atlas: String,
    pub atlas_name: String,
}

impl Studio {
    /// The frames of a set's sheet: (atlas name, image URL), in the set's order.
    fn sheet_frames(&self, set: &AngleSet) -> Vec<(String, String)> {
        let mut cells: Vec<_> = set
            .cells
            .iter()
            .filter_map(|cell| {
                let card = self.entry(cell.job)?.card.get_untracked();
                let url = card.result.as_ref()?.object_url.clone();
                let label = frame_label(set.kind, set.base_rotation, cell.angle, Some(&card));
                let (row, column) = cell.angle.order_key_in(set.kind, set.base_rotation);
                Some((crate::util::order::pair_rank(row, column), label, url))
            })
            .collect();
        crate::util::order::sort_by_rank(&mut cells, |(rank, _, _)| *rank);
        let names: Vec<String> = cells.iter().map(|(_, l, _)| format!("{l}.png")).collect();
        unique_names(&names)
            .into_iter()
            .zip(cells.into_iter().map(|(_, _, url)| url))
            .collect()
    }

    /// Draws a set's sheet in `grid` (`None` when no frame has finished).
    pub(crate) async fn make_sprite_sheet(
        self,
        set: &AngleSet,
        grid: Grid,
    ) -> Result<Option<SpriteSheet>, String> {
        let frames = self.sheet_frames(set);
        if frames.is_empty() {
            return Ok(None);
        }
        let mut images = Vec::with_capacity(frames.len());
        let mut sized = Vec::with_capacity(frames.len());
        for (name, url) in frames {
            let image = load_image(&url)
                .await
                .ok_or("a frame could not be read back")?;
            sized.push(SheetFrame {
                name,
                width: image.natural_width(),
                height: image.natural_height(),
            });
            images.push(image);
        }
        let sheet = layout(&sized, grid);
        let placed: Vec<_> = images
            .into_iter()
            .zip(&sheet.cells)
            .map(|(image, c)| (image, [c.draw_x, c.draw_y, c.draw_width, c.draw_height]))
            .collect();
        let png = draw_sheet((sheet.width, sheet.height), &placed)
            .ok_or("the sheet could not be drawn")?;
        let stem = crate::domain::naming::stem(&set.input_name);
        let base = format!("{stem}_sheet_{}", grid.label().replace('×', "x"));
        let png_name = format!("{base}.png");
        Ok(Some(SpriteSheet {
            atlas: sheet.atlas_json(&png_name),
            png,
            png_name,
            atlas_name: format!("{base}.json"),
        }))
    }

    /// "Download sprite sheet": the PNG and its atlas JSON, two files.
    pub fn download_sprite_sheet(self, set_id: u64, grid: Grid) {
        let Some(set_entry) = self.set_entry(set_id) else {
            return;
        };
        let set = set_entry.set.get_untracked();
        spawn_local(async move {
            let report = |text: String| set_entry.set.update(|s| s.packing = Some(text));
            match self.make_sprite_sheet(&set, grid).await {
                Ok(Some(sheet)) => {
                    crate::studio::export::save_bytes(&sheet.png, &sheet.png_name, "image/png");
                    crate::studio::export::save_bytes(
                        sheet.atlas.as_bytes(),
                        &sheet.atlas_name,
                        "application/json",
                    );
                    report(format!(
                        "Saved {} and {}.",
                        sheet.png_name, sheet.atlas_name
                    ));
                }
                Ok(None) => report("No frame has finished yet.".to_string()),
                Err(message) => report(format!("Could not draw the sprite sheet: {message}")),
            }
        });
    }
}
