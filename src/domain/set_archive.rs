//! What goes into a set's ZIP: the original and each finished result, named by angle, and the
//! `angles.json` that describes them. Plain data in, the archive's bytes out; the studio only
//! reads the images back from the page.
//!
//! ```
//! use angleshot::domain::set_archive::{ArchiveImage, SetArchive};
//! let archive = SetArchive { input_name: "chair.png", input_asset_id: Some("asset_1"),
//!     base_rotation: 0, created_ms: 0.0 };
//! let original = ArchiveImage { bytes: vec![1, 2, 3], mime_type: "image/png".into() };
//! let zip = archive.build(original, &[]).unwrap();
//! assert_eq!(&zip[..2], b"PK");
//! ```

use crate::domain::angle_set::SetAngle;
use crate::domain::jobs::JobCard;
use crate::domain::profile::multiangle::set_file_stem;
use crate::domain::set_export::{Manifest, ManifestEntry, build_zip, extension_for, unique_names};
use crate::util::math::fold_degrees;
use crate::util::time::iso8601;

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
}

impl SetArchive<'_> {
    /// The ZIP: the original first, then each result (in the order given) named by its angle,
    /// a second file of one name numbered, and `angles.json`.
    pub fn build(
        &self,
        original: ArchiveImage,
        results: &[(SetAngle, &JobCard, ArchiveImage)],
    ) -> Result<Vec<u8>, String> {
        let mut names = vec![format!(
            "{}.{}",
            set_file_stem(self.base_rotation, 0),
            extension_for(&original.mime_type)
        )];
        names.extend(results.iter().map(|(angle, _, image)| {
            format!(
                "{}.{}",
                set_file_stem(self.base_rotation + angle.rotate, angle.tilt),
                extension_for(&image.mime_type)
            )
        }));
        let names = unique_names(&names);
        let mut entries = vec![ManifestEntry {
            file: names[0].clone(),
            role: "original",
            total_rotation: fold_degrees(self.base_rotation),
            vertical_tilt: 0,
            parameters: None,
            job_id: None,
            input_asset_id: self.input_asset_id.map(str::to_string),
            result_asset_ids: Vec::new(),
            prompt: String::new(),
            submitted_at: iso8601(self.created_ms),
            finished_at: None,
        }];
        for ((_, card, _), name) in results.iter().zip(names.iter().skip(1)) {
            entries.push(ManifestEntry {
                file: name.clone(),
                role: "result",
                total_rotation: card.total_rotation(),
                vertical_tilt: card.body.vertical_tilt,
                parameters: Some(card.body.clone()),
                job_id: card.job_id.clone(),
                input_asset_id: Some(card.body.image.clone()),
                result_asset_ids: card.result_asset_ids.clone(),
                prompt: card.body.prompt.clone(),
                submitted_at: iso8601(card.submitted_ms),
                finished_at: card.finished_ms.map(iso8601),
            });
        }
        let manifest = Manifest {
            app: "Angleshot",
            model: crate::api::types::MODEL_ID,
            source_image: self.input_name.to_string(),
            files: entries,
        };
        let mut files = vec![(names[0].clone(), original.bytes)];
        files.extend(
            names
                .into_iter()
                .skip(1)
                .zip(results.iter().map(|(_, _, image)| image.bytes.clone())),
        );
        build_zip(&files, &manifest.to_json())
    }
}
