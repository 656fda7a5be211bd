//! "Download dataset": images beside `.txt` captions of the same name, the layout LoRA
//! trainers read (kohya-ss, ai-toolkit). Captions come from a template the artist edits;
//! images go in as they are (no re-encode).
//!
//! ```
//! use angleshot::domain::dataset::{CaptionFields, caption, check_template, DEFAULT_TEMPLATE};
//! let fields = CaptionFields { trigger: "chr_hero", pose: "back view, eye-level shot, medium shot",
//!     prompt: "", source: "hero.png" };
//! assert_eq!(caption(DEFAULT_TEMPLATE, &fields).unwrap(), "chr_hero, back view, eye-level shot, medium shot");
//! assert!(check_template("{trigger}, {colour}").unwrap_err().contains("{colour}"));
//! ```

use crate::domain::naming::{extension, stem};

/// The template a new dataset starts with.
pub const DEFAULT_TEMPLATE: &str = "{trigger}, {pose}";
/// The fields a template may name.
pub const FIELDS: [&str; 4] = ["trigger", "pose", "prompt", "source"];

/// What one image's caption is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaptionFields<'a> {
    /// The trigger word the LoRA is trained on.
    pub trigger: &'a str,
    /// The pose in the model's own words.
    pub pose: &'a str,
    pub prompt: &'a str,
    /// The original's file name.
    pub source: &'a str,
}

impl CaptionFields<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        match name {
            "trigger" => Some(self.trigger),
            "pose" => Some(self.pose),
            "prompt" => Some(self.prompt),
            "source" => Some(self.source),
            _ => None,
        }
    }
}

/// The template's pieces: text, and `{field}`s.
fn pieces(template: &str) -> Result<Vec<(bool, &str)>, String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push((false, &rest[..open]));
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("A “{{” is not closed: “{}”.", &rest[open..]))?;
        out.push((true, after[..close].trim()));
        rest = &after[close + 1..];
    }
    out.push((false, rest));
    Ok(out)
}

/// Whether every `{field}` is one [`FIELDS`] names; the sentence shown inline when not.
pub fn check_template(template: &str) -> Result<(), String> {
    let empty = CaptionFields {
        trigger: "",
        pose: "",
        prompt: "",
        source: "",
    };
    caption(template, &empty).map(|_| ())
}

/// The caption `template` makes of `fields`. Empty fields leave no dangling commas.
pub fn caption(template: &str, fields: &CaptionFields) -> Result<String, String> {
    let mut text = String::new();
    for (is_field, piece) in pieces(template)? {
        if is_field {
            let value = fields.get(piece).ok_or_else(|| {
                format!(
                    "Unknown field {{{piece}}}: use {}.",
                    FIELDS.map(|f| format!("{{{f}}}")).join(", ")
                )
            })?;
            text.push_str(value.trim());
        } else {
            text.push_str(piece);
        }
    }
    // "a, , b" → "a, b"; no separator left at either end.
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    Ok(parts.join(", "))
}

/// One image of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetImage {
    /// The original's file name (`chair.png`).
    pub source: String,
    /// The angle in a file name (`45-left`, `az180_el+0_zoom5`, `original`).
    pub label: String,
    pub mime_type: String,
    pub bytes: Vec<u8>,
    pub caption: String,
}

/// The dataset's files: `<source>_<NNN>_<label>.<ext>` and its `.txt`, in order (the
/// number keeps every name unique).
pub fn dataset_files(images: &[DatasetImage]) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::with_capacity(images.len() * 2);
    for (at, image) in images.iter().enumerate() {
        let name = format!("{}_{:03}_{}", stem(&image.source), at + 1, image.label);
        files.push((
            format!("{name}.{}", extension(&image.mime_type)),
            image.bytes.clone(),
        ));
        files.push((format!("{name}.txt"), image.caption.clone().into_bytes()));
    }
    files
}

/// The dataset's ZIP.
pub fn build_dataset(images: &[DatasetImage]) -> Result<Vec<u8>, String> {
    let files = dataset_files(images);
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    crate::util::zip::stored(&entries)
}
