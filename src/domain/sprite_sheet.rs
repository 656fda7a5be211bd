//! A set's sprite sheet: its frames in equal cells (the largest frame's size, each frame
//! letterboxed, centred, on transparency) in the grid the artist picks, and the frame atlas
//! in TexturePacker's "JSON hash" form that Phaser and PixiJS load. Plain numbers here; the
//! browser draws the pixels.
//!
//! ```
//! use angleshot::domain::sprite_sheet::{Grid, SheetFrame, layout};
//! let frames = vec![
//!     SheetFrame { name: "az000_el+0_zoom5.png".into(), width: 100, height: 50 },
//!     SheetFrame { name: "az045_el+0_zoom5.png".into(), width: 80, height: 80 },
//! ];
//! let sheet = layout(&frames, Grid::FourByTwo);
//! assert_eq!((sheet.cell_width, sheet.cell_height), (100, 80));
//! assert_eq!((sheet.width, sheet.height), (400, 160));
//! // The first frame sits centred in its cell: 15 px of transparency above and below.
//! assert_eq!((sheet.cells[0].draw_x, sheet.cells[0].draw_y), (0.0, 15.0));
//! let atlas: serde_json::Value = serde_json::from_str(&sheet.atlas_json("hero_sheet.png")).unwrap();
//! assert_eq!(atlas["frames"]["az045_el+0_zoom5.png"]["frame"]["x"], 100);
//! assert_eq!(atlas["meta"]["size"]["w"], 400);
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

/// The grids a sheet comes in: columns × rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grid {
    #[default]
    EightByOne,
    FourByTwo,
    TwoByFour,
}

impl Grid {
    /// Every grid, in the order the picker lists them.
    pub const ALL: [Grid; 3] = [Grid::EightByOne, Grid::FourByTwo, Grid::TwoByFour];

    /// "8×1", as the picker and the file name say it.
    pub fn label(self) -> &'static str {
        match self {
            Grid::EightByOne => "8×1",
            Grid::FourByTwo => "4×2",
            Grid::TwoByFour => "2×4",
        }
    }

    /// The grid with this label.
    pub fn from_label(label: &str) -> Option<Grid> {
        Self::ALL.into_iter().find(|g| g.label() == label)
    }

    /// Columns across.
    pub fn columns(self) -> u32 {
        match self {
            Grid::EightByOne => 8,
            Grid::FourByTwo => 4,
            Grid::TwoByFour => 2,
        }
    }
}

/// One frame to place: its name in the atlas and its pixel size.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetFrame {
    pub name: String,
    pub width: u32,
    pub height: u32,
}

/// Where one frame goes.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCell {
    pub name: String,
    /// The cell's top-left corner.
    pub x: u32,
    pub y: u32,
    /// Where the frame is drawn, scaled to fit the cell and centred in it.
    pub draw_x: f64,
    pub draw_y: f64,
    pub draw_width: f64,
    pub draw_height: f64,
}

/// A laid-out sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetLayout {
    pub width: u32,
    pub height: u32,
    pub cell_width: u32,
    pub cell_height: u32,
    pub cells: Vec<SheetCell>,
}

/// Lays `frames` out in `grid`, in their order, row by row; more frames than the grid holds
/// add rows (the columns stay the artist's).
pub fn layout(frames: &[SheetFrame], grid: Grid) -> SheetLayout {
    let cell_width = frames.iter().map(|f| f.width).max().unwrap_or(0).max(1);
    let cell_height = frames.iter().map(|f| f.height).max().unwrap_or(0).max(1);
    let columns = grid.columns();
    let rows_of_grid = 8 / columns;
    let rows = (frames.len() as u32).div_ceil(columns).max(rows_of_grid);
    let cells = frames
        .iter()
        .enumerate()
        .map(|(i, frame)| {
            let (column, row) = (i as u32 % columns, i as u32 / columns);
            let (x, y) = (column * cell_width, row * cell_height);
            // Letterboxed: as large as fits, never stretched.
            let scale = (f64::from(cell_width) / f64::from(frame.width.max(1)))
                .min(f64::from(cell_height) / f64::from(frame.height.max(1)));
            let (w, h) = (
                f64::from(frame.width) * scale,
                f64::from(frame.height) * scale,
            );
            SheetCell {
                name: frame.name.clone(),
                x,
                y,
                draw_x: f64::from(x) + (f64::from(cell_width) - w) / 2.0,
                draw_y: f64::from(y) + (f64::from(cell_height) - h) / 2.0,
                draw_width: w,
                draw_height: h,
            }
        })
        .collect();
    SheetLayout {
        width: columns * cell_width,
        height: rows * cell_height,
        cell_width,
        cell_height,
        cells,
    }
}

/// TexturePacker's rectangle and size objects.
#[derive(Serialize)]
struct Rect {
    x: u32,
    y: u32,
    w: u32,
    h: u32,
}

#[derive(Serialize)]
struct Size {
    w: u32,
    h: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AtlasFrame {
    frame: Rect,
    rotated: bool,
    trimmed: bool,
    sprite_source_size: Rect,
    source_size: Size,
}

#[derive(Serialize)]
struct AtlasMeta<'a> {
    app: &'static str,
    version: &'static str,
    image: &'a str,
    format: &'static str,
    size: Size,
    scale: &'static str,
}

#[derive(Serialize)]
struct Atlas<'a> {
    /// By name, as the "JSON hash" form keys them.
    frames: BTreeMap<&'a str, AtlasFrame>,
    meta: AtlasMeta<'a>,
}

impl SheetLayout {
    /// The frame atlas, TexturePacker "JSON hash": `frames` → name → `frame {x,y,w,h}` (the
    /// whole cell: the letterbox is part of each frame, so every frame is one size), and
    /// `meta` with the sheet's `image` and `size`.
    pub fn atlas_json(&self, image_name: &str) -> String {
        let (w, h) = (self.cell_width, self.cell_height);
        let frames = self
            .cells
            .iter()
            .map(|cell| {
                let frame = AtlasFrame {
                    frame: Rect {
                        x: cell.x,
                        y: cell.y,
                        w,
                        h,
                    },
                    rotated: false,
                    trimmed: false,
                    sprite_source_size: Rect { x: 0, y: 0, w, h },
                    source_size: Size { w, h },
                };
                (cell.name.as_str(), frame)
            })
            .collect();
        let atlas = Atlas {
            frames,
            meta: AtlasMeta {
                app: "Angleshot",
                version: "1.0",
                image: image_name,
                format: "RGBA8888",
                size: Size {
                    w: self.width,
                    h: self.height,
                },
                scale: "1",
            },
        };
        serde_json::to_string_pretty(&atlas).unwrap_or_else(|_| "{}".to_string())
    }
}
