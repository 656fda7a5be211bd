//! What goes into a set's ZIP: the original and each finished result in orbit order, named
//! by source, place and angle (`chair_03_front.png`, `chair_04_45-left.png`), and the
//! `angles.json` that describes them. Plain data in, the archive's bytes out; the studio only
//! reads the images back from the page.
//!
//! ```
//! use angleshot::domain::set_archive::{ArchiveImage, SetArchive};
//! let archive = SetArchive { input_name: "chair.png", input_asset_id: Some("asset_1"),
//!     base_rotation: 0, created_ms: 0.0, kind: Default::default() };
//! let original = ArchiveImage { bytes: vec![1, 2, 3], mime_type: "image/png".into() };
//! let zip = archive.build(original, &[]).unwrap();
//! assert_eq!(&zip[..2], b"PK");
//! ```

use crate::domain::angle_set::{SetAngle, SetKind};
use crate::domain::jobs::JobCard;
use crate::domain::naming::stem;
use crate::domain::profile::multiangle::set_file_label;
use crate::domain::profile::{JobBody, multiangle_2511};
use crate::domain::set_export::{Manifest, ManifestEntry, build_zip, extension_for, unique_names};
use crate::util::math::fold_degrees;
use crate::util::order::{pair_rank, sort_by_rank};
use crate::util::time::iso8601;

/// The angle in a file's or a sprite frame's name: the seed's words (`45-left`), or a 2511
/// result's pose (`az045_el+30_zoom5`) in a turnaround.
pub fn frame_label(
    kind: SetKind,
    base_rotation: i32,
    angle: SetAngle,
    card: Option<&JobCard>,
) -> String {
    match (kind, card.map(|c| &c.body)) {
        (SetKind::Turnaround { .. }, Some(JobBody::Multiangle2511(body))) => {
            multiangle_2511::pose_label(body.pose())
        }
        _ => set_file_label(base_rotation + angle.rotate, angle.tilt),
    }
}

/// One image's bytes as kept in the page.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveImage {
    pub bytes: Vec<u8>,
    pub mime_type: String,
}

/// The set an archive is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetArchive<'a> {
    pub input_name: &'a str,
    pub input_asset_id: Option<&'a str>,
    /// The input's rotation from the first original (chaining).
    pub base_rotation: i32,
    pub created_ms: f64,
    /// A turnaround is ordered by azimuth and its files named by the 2511 pose.
    pub kind: SetKind,
}

/// One file of the archive before it is named: its angle, its job (none for the original)
/// and its bytes.
struct Item<'a> {
    angle: SetAngle,
    card: Option<&'a JobCard>,
    image: ArchiveImage,
}

impl SetArchive<'_> {
    fn file_label(&self, item: &Item) -> String {
        frame_label(self.kind, self.base_rotation, item.angle, item.card)
    }

    /// The ZIP: the original and each result, in orbit order (eye level from the camera's
    /// right to its left, then top-down, then low angle), each named
    /// `<source>_<NN>_<angle>.<ext>` (a second file of one name numbered), and `angles.json`.
    pub fn build(
        &self,
        original: ArchiveImage,
        results: &[(SetAngle, &JobCard, ArchiveImage)],
    ) -> Result<Vec<u8>, String> {
        self.build_with(original, results, Vec::new())
    }

    /// [`SetArchive::build`] with more files after the images (the sprite sheet and its
    /// atlas), named as given.
    pub fn build_with(
        &self,
        original: ArchiveImage,
        results: &[(SetAngle, &JobCard, ArchiveImage)],
        extras: Vec<(String, Vec<u8>)>,
    ) -> Result<Vec<u8>, String> {
        let front = SetAngle { rotate: 0, tilt: 0 };
        let mut items = vec![Item {
            angle: front,
            card: None,
            image: original,
        }];
        items.extend(results.iter().map(|(angle, card, image)| Item {
            angle: *angle,
            card: Some(*card),
            image: image.clone(),
        }));
        // Stable: the original stays before a ticked "front" cell.
        sort_by_rank(&mut items, |item| {
            let (row, column) = item.angle.order_key_in(self.kind, self.base_rotation);
            pair_rank(row, column)
        });
        let source = stem(self.input_name);
        let names: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                format!(
                    "{source}_{:02}_{}.{}",
                    i + 1,
                    self.file_label(item),
                    extension_for(&item.image.mime_type)
                )
            })
            .collect();
        let names = unique_names(&names);
        let entries = items
            .iter()
            .zip(&names)
            .map(|(item, name)| {
                let size = crate::domain::pixel_size::pixel_size(&item.image.bytes);
                let (width, height) = (size.map(|s| s.0), size.map(|s| s.1));
                match item.card {
                    None => ManifestEntry {
                        file: name.clone(),
                        role: "original",
                        model: None,
                        width,
                        height,
                        total_rotation: fold_degrees(self.base_rotation),
                        vertical_tilt: Some(0),
                        parameters: None,
                        job_id: None,
                        input_asset_id: self.input_asset_id.map(str::to_string),
                        result_asset_ids: Vec::new(),
                        prompt: String::new(),
                        submitted_at: iso8601(self.created_ms),
                        finished_at: None,
                        parent_job_id: None,
                        parent_asset_id: None,
                    },
                    Some(card) => ManifestEntry {
                        file: name.clone(),
                        role: "result",
                        model: Some(card.model().id()),
                        width,
                        height,
                        total_rotation: card.total_rotation(),
                        vertical_tilt: card.body.as_multiangle().map(|b| b.vertical_tilt),
                        parameters: Some(card.body.clone()),
                        job_id: card.job_id.clone(),
                        input_asset_id: Some(card.body.image().to_string()),
                        result_asset_ids: card.result_asset_ids.clone(),
                        prompt: card.body.prompt().to_string(),
                        submitted_at: iso8601(card.submitted_ms),
                        finished_at: card.finished_ms.map(iso8601),
                        parent_job_id: card.parent_job_id.clone(),
                        parent_asset_id: card.parent_asset_id.clone(),
                    },
                }
            })
            .collect();
        let manifest = Manifest {
            app: "Angleshot",
            model: match self.kind {
                SetKind::Angles => crate::domain::profile::Model::QwenEditMultiangle.id(),
                SetKind::Turnaround { .. } => multiangle_2511::MODEL_ID,
            },
            source_image: self.input_name.to_string(),
            files: entries,
        };
        let mut files: Vec<(String, Vec<u8>)> = names
            .into_iter()
            .zip(items.into_iter().map(|item| item.image.bytes))
            .collect();
        files.extend(extras);
        build_zip(&files, &manifest.to_json())
    }
}
