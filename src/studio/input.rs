//! The input store: the picture jobs start from, its upload (once per backend; a failure is
//! retryable) and the last reason a picture was refused. Private signals, read through the
//! getters; it uses the settings store below it to reach the API.
//!
//! ```no_run
//! use angleshot::studio::{input::InputStore, settings::SettingsStore};
//! let input = InputStore::new(SettingsStore::new());
//! input.choose(Err("That file is not an image.".into())); // shown, the old input kept
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::studio::image::PreparedImage;
use crate::studio::settings::SettingsStore;

/// The current input image.
#[derive(Debug, Clone, PartialEq)]
pub struct InputImage {
    pub name: String,
    /// Shown in the input area and on job cards.
    pub thumbnail: String,
    /// The bytes to upload; `None` when the image is already an asset (a result reused).
    pub data_url: Option<String>,
    /// Set once uploaded: every job on this image reuses it.
    pub asset_id: Option<String>,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// Rotation from the first original (see `JobCard::base_rotation`).
    pub base_rotation: i32,
    /// The picture's own size when it was shrunk before uploading.
    pub downscaled_from: Option<(u32, u32)>,
    /// The job whose result this is ("Use as input"); `None` for an original.
    pub parent_job_id: Option<String>,
}

/// Upload progress of the current input.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadState {
    Idle,
    Uploading,
    Uploaded,
    Failed(String),
}

/// See the module docs.
#[derive(Clone, Copy)]
pub struct InputStore {
    image: RwSignal<Option<InputImage>>,
    error: RwSignal<Option<String>>,
    upload: RwSignal<UploadState>,
    /// Said in the input's live region when a result became the input.
    announcement: RwSignal<Option<String>>,
    settings: SettingsStore,
}

impl InputStore {
    /// No input yet.
    pub fn new(settings: SettingsStore) -> Self {
        InputStore {
            image: RwSignal::new(None),
            error: RwSignal::new(None),
            upload: RwSignal::new(UploadState::Idle),
            announcement: RwSignal::new(None),
            settings,
        }
    }

    /// The input (reactive).
    pub fn image(&self) -> ReadSignal<Option<InputImage>> {
        self.image.read_only()
    }

    /// Why the last picture was refused (reactive).
    pub fn error(&self) -> ReadSignal<Option<String>> {
        self.error.read_only()
    }

    /// The upload's state (reactive).
    pub fn upload(&self) -> ReadSignal<UploadState> {
        self.upload.read_only()
    }

    /// What the input's live region says about where the input came from (reactive).
    pub fn announcement(&self) -> ReadSignal<Option<String>> {
        self.announcement.read_only()
    }

    /// A picture dropped, pasted or chosen: replaces the input only when valid, then uploads
    /// it (when there is a key to upload with).
    pub fn choose(self, prepared: Result<PreparedImage, String>) {
        match prepared {
            Err(message) => self.error.set(Some(message)),
            Ok(image) => {
                self.error.set(None);
                self.announcement.set(None);
                self.image.set(Some(InputImage {
                    name: image.name,
                    thumbnail: image.thumbnail,
                    data_url: Some(image.data_url),
                    asset_id: None,
                    width: image.width,
                    height: image.height,
                    bytes: image.bytes,
                    base_rotation: 0,
                    downscaled_from: image.downscaled_from,
                    parent_job_id: None,
                }));
                self.upload.set(UploadState::Idle);
                if self.settings.config().has_credentials() {
                    spawn_local(async move {
                        let _ = self.ensure_uploaded().await;
                    });
                }
            }
        }
    }

    /// An image that is already an asset becomes the input ("Use as input", a kept draft),
    /// with what the live region says about it.
    pub fn use_asset(&self, image: InputImage, announcement: Option<String>) {
        self.error.set(None);
        self.image.set(Some(image));
        self.upload.set(UploadState::Uploaded);
        self.announcement.set(announcement);
    }

    /// After switching backends the input's asset id means nothing there: upload it again.
    pub fn reupload(self) {
        let had_bytes = self.image.try_update(|input| match input {
            Some(i) if i.data_url.is_some() => {
                i.asset_id = None;
                true
            }
            _ => false,
        });
        if had_bytes == Some(true) && self.settings.config().has_credentials() {
            self.upload.set(UploadState::Idle);
            spawn_local(async move {
                let _ = self.ensure_uploaded().await;
            });
        }
    }

    /// The input's asset id, uploading it first if needed (once; failures are retryable).
    pub async fn ensure_uploaded(self) -> Option<String> {
        let input = self.image.get_untracked()?;
        if let Some(id) = input.asset_id {
            return Some(id);
        }
        if self.upload.get_untracked() == UploadState::Uploading {
            return None;
        }
        let data_url = input.data_url.clone()?;
        self.upload.set(UploadState::Uploading);
        let body = api::types::UploadAssetBody {
            image: data_url,
            name: input.name.clone(),
        };
        match api::upload_asset(&self.settings.config(), &body).await {
            Ok(asset) => {
                // The artist may have picked another image meanwhile: only the same one gets the id.
                let same = self
                    .image
                    .with_untracked(|i| i.as_ref().is_some_and(|i| i.data_url == input.data_url));
                if same {
                    self.image.update(|i| {
                        if let Some(i) = i {
                            i.asset_id = Some(asset.id.clone());
                        }
                    });
                    self.upload.set(UploadState::Uploaded);
                }
                Some(asset.id)
            }
            Err(err) => {
                self.upload.set(UploadState::Failed(err.user_message()));
                None
            }
        }
    }
}
