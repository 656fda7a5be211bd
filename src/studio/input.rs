//! The input image: choosing it, uploading it once, and what Generate waits for.

use crate::api::{self};
use crate::domain::profile::multiangle;
use crate::domain::readiness::{GenerateReadiness, generate_blocker};
use crate::studio::image::PreparedImage;
use crate::studio::state::{InputImage, Studio, UploadState};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// Why Generate is disabled right now (reactive).
    pub fn generate_blocker(&self) -> Option<&'static str> {
        let readiness = self.readiness();
        let would_change = self.camera.shot().with(|shot| !multiangle::is_noop(shot));
        generate_blocker(would_change, readiness)
    }

    /// Why "Generate angle set" is disabled right now (reactive).
    pub fn set_blocker(&self) -> Option<&'static str> {
        crate::domain::readiness::set_blocker(self.set_choices.with(Vec::len), self.readiness())
    }

    fn readiness(&self) -> GenerateReadiness {
        GenerateReadiness {
            has_image: self.input.with(Option::is_some),
            has_credentials: self.demo_mode.get()
                || (!self.api_key.with(|k| k.trim().is_empty())
                    && !self.api_secret.with(|s| s.trim().is_empty())),
            uploading: self.upload.with(|u| *u == UploadState::Uploading),
        }
    }

    /// A new input image: replaces the old one only when valid, then uploads it.
    pub fn set_input(self, prepared: Result<PreparedImage, String>) {
        match prepared {
            Err(message) => self.input_error.set(Some(message)),
            Ok(image) => {
                self.input_error.set(None);
                self.input.set(Some(InputImage {
                    name: image.name,
                    thumbnail: image.thumbnail,
                    data_url: Some(image.data_url),
                    asset_id: None,
                    width: image.width,
                    height: image.height,
                    bytes: image.bytes,
                    base_rotation: 0,
                }));
                self.upload.set(UploadState::Idle);
                if self.config().has_credentials() {
                    spawn_local(async move {
                        let _ = self.ensure_uploaded().await;
                    });
                }
            }
        }
    }

    /// After switching backends the input's asset id means nothing there: upload it again.
    pub(super) fn reupload_input(self) {
        let had_bytes = self.input.try_update(|input| match input {
            Some(i) if i.data_url.is_some() => {
                i.asset_id = None;
                true
            }
            _ => false,
        });
        if had_bytes == Some(true) && self.config().has_credentials() {
            self.upload.set(UploadState::Idle);
            spawn_local(async move {
                let _ = self.ensure_uploaded().await;
            });
        }
    }

    /// The input's asset id, uploading it first if needed (once; failures are retryable).
    pub async fn ensure_uploaded(self) -> Option<String> {
        let input = self.input.get_untracked()?;
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
        match api::upload_asset(&self.config(), &body).await {
            Ok(asset) => {
                // The artist may have picked another image meanwhile: only the same one gets the id.
                let same = self
                    .input
                    .with_untracked(|i| i.as_ref().is_some_and(|i| i.data_url == input.data_url));
                if same {
                    self.input.update(|i| {
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
