//! Where the artist was: the camera (pose, lens, options, prompt) and the input picture by
//! its asset id, kept across a reload so the studio continues where it stopped. Plain data
//! and its stored JSON; the studio writes it when the page is hidden and reads it at start.
//!
//! ```
//! use angleshot::domain::draft::{Draft, DraftInput};
//! use angleshot::domain::profile::multiangle::{Pose, Ranges, initial_shot, place};
//! let mut shot = initial_shot(&Ranges::default());
//! place(&mut shot, Pose { rotate: 45, forward: 0, tilt: 0 }, &Ranges::default());
//! shot.prompt = "keep the hat".into();
//! let input = DraftInput { name: "chair.png".into(), thumbnail: "data:image/webp;base64,AA".into(),
//!     asset_id: "asset_1".into(), base_rotation: 0, origin: "https://api.cloud.scenario.com/v1".into() };
//! let text = Draft { shot: shot.clone(), input: Some(input) }.to_json();
//! let back = Draft::from_json(&text, &Ranges::default()).unwrap();
//! assert_eq!(back.shot, shot);
//! assert_eq!(back.input.unwrap().asset_id, "asset_1");
//! ```

use serde_json::{Value, json};

use crate::api::types::GenerateBody;
use crate::domain::profile::multiangle::{self, Ranges};
use crate::domain::shot::Shot;
use crate::util::json::{Fields, int32, string};

/// The input picture, already an asset (only an uploaded input can be continued).
#[derive(Debug, Clone, PartialEq)]
pub struct DraftInput {
    pub name: String,
    /// A `data:` URL: a `blob:` one dies with the page.
    pub thumbnail: String,
    pub asset_id: String,
    /// Rotation from the first original (after "Use as input").
    pub base_rotation: i32,
    /// Where the asset lives (`JobOrigin::as_stored`): it means nothing elsewhere.
    pub origin: String,
}

/// The camera and the input, as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub shot: Shot,
    pub input: Option<DraftInput>,
}

const VERSION: u64 = 1;

impl Draft {
    /// The stored JSON. The camera is written as the generate body it makes (one format for
    /// the pose and options everywhere), plus "Fine values".
    pub fn to_json(&self) -> String {
        let camera = serde_json::to_value(multiangle::body(&self.shot, "")).unwrap_or(Value::Null);
        let input = self.input.as_ref().map(|i| {
            json!({
                "name": i.name,
                "thumbnail": i.thumbnail,
                "assetId": i.asset_id,
                "baseRotation": i.base_rotation,
                "origin": i.origin,
            })
        });
        json!({ "version": VERSION, "camera": camera, "fine": self.shot.fine, "input": input })
            .to_string()
    }

    /// Reads a kept draft; `None` when it is not one. Values are brought into `ranges` (and
    /// snapped unless "Fine values" was on), as if the artist had set them.
    pub fn from_json(text: &str, ranges: &Ranges) -> Option<Draft> {
        let value = crate::util::json::parse(text).ok()?;
        let fields = Fields::of(&value, "draft").ok()?;
        if fields.required("version", Value::as_u64).ok()? != VERSION {
            return None;
        }
        let body = GenerateBody::read(fields.value("camera").ok()?).ok()?;
        let fine = fields.or_default("fine", Value::as_bool).ok()?;
        let shot = multiangle::shot_from_body(&body, fine, ranges);
        // A bad input drops the input, not the camera.
        let input = fields
            .optional("input", |v| {
                let f = Fields::of(v, "draft input").ok()?;
                Some(DraftInput {
                    name: f.required("name", string).ok()?,
                    thumbnail: f.required("thumbnail", string).ok()?,
                    asset_id: f.required("assetId", string).ok()?,
                    base_rotation: f.or_default("baseRotation", int32).ok()?,
                    origin: f.required("origin", string).ok()?,
                })
            })
            .ok()
            .flatten()
            .filter(|i| i.thumbnail.starts_with("data:") && !i.asset_id.is_empty());
        Some(Draft { shot, input })
    }
}
