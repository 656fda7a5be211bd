//! The typed Scenario client: one small async function per endpoint of `scenario-api.md`.
//!
//! Each function builds its request with [`request`], sends it with [`http::send`] and
//! decodes with [`response`]. Only this module speaks HTTP; it knows no signal or component.
//!
//! ```no_run
//! # async fn demo() -> Result<(), angleshot::api::error::ApiError> {
//! use angleshot::api::{self, request::ApiConfig};
//! let config = ApiConfig::new("http://127.0.0.1:9000/v1", "key", "secret");
//! let model = api::get_model(&config, "model_qwen-edit-multiangle").await?;
//! println!("{} has {} inputs", model.id, model.inputs.len());
//! # Ok(()) }
//! ```

pub mod error;
pub mod http;
pub mod lenient;
pub mod link;
pub mod request;
pub mod response;
pub mod types;

use error::ApiError;
use request::{ApiConfig, MAX_BULK_ASSETS};
use response::{CancelOutcome, decode, decode_cancel, decode_cost};
use types::{
    Asset, AssetEnvelope, AssetsEnvelope, AssetsPage, CostEstimate, GenerateResponse, Job,
    JobEnvelope, JobsPage, Model, ModelEnvelope, UploadAssetBody,
};

/// Uploads an image (base64 or data URL) and returns the stored asset.
pub async fn upload_asset(config: &ApiConfig, body: &UploadAssetBody) -> Result<Asset, ApiError> {
    let raw = http::send(request::upload_asset(config, body)?).await?;
    decode::<AssetEnvelope>(&raw).map(|envelope| envelope.asset)
}

/// Starts a multi-angle job. Never retried automatically: a second POST bills twice.
pub async fn generate<B: serde::Serialize>(
    config: &ApiConfig,
    model_id: &str,
    body: &B,
) -> Result<GenerateResponse, ApiError> {
    let raw = http::send(request::generate(config, model_id, body)?).await?;
    decode(&raw)
}

/// Asks what `body` would cost (`dryRun=true`), without running it.
pub async fn estimate_cost<B: serde::Serialize>(
    config: &ApiConfig,
    model_id: &str,
    body: &B,
) -> Result<CostEstimate, ApiError> {
    let raw = http::send(request::estimate_cost(config, model_id, body)?).await?;
    decode_cost(&raw)
}

/// Reads one job.
pub async fn get_job(config: &ApiConfig, job_id: &str) -> Result<Job, ApiError> {
    let raw = http::send(request::get_job(config, job_id)?).await?;
    decode::<JobEnvelope>(&raw).map(|envelope| envelope.job)
}

/// Reads one page of the key's jobs, newest first.
pub async fn list_jobs(
    config: &ApiConfig,
    page_size: u16,
    pagination_token: Option<&str>,
) -> Result<JobsPage, ApiError> {
    let raw = http::send(request::list_jobs(config, page_size, pagination_token)?).await?;
    decode(&raw)
}

/// Asks the API to cancel a job; see [`CancelOutcome`] for the `custom`-job 400.
pub async fn cancel_job(config: &ApiConfig, job_id: &str) -> Result<CancelOutcome, ApiError> {
    let raw = http::send(request::cancel_job(config, job_id)?).await?;
    decode_cancel(&raw)
}

/// Reads one asset (a fresh signed `url` each time).
pub async fn get_asset(config: &ApiConfig, asset_id: &str) -> Result<Asset, ApiError> {
    let raw = http::send(request::get_asset(config, asset_id)?).await?;
    decode::<AssetEnvelope>(&raw).map(|envelope| envelope.asset)
}

/// Reads one page of the account's assets, newest first.
pub async fn list_assets(
    config: &ApiConfig,
    page_size: u16,
    pagination_token: Option<&str>,
) -> Result<AssetsPage, ApiError> {
    let raw = http::send(request::list_assets(config, page_size, pagination_token)?).await?;
    decode(&raw)
}

/// Reads many assets, in requests of at most 200 ids.
pub async fn get_assets(config: &ApiConfig, asset_ids: &[String]) -> Result<Vec<Asset>, ApiError> {
    let mut assets = Vec::with_capacity(asset_ids.len());
    for chunk in asset_ids.chunks(MAX_BULK_ASSETS) {
        let raw = http::send(request::get_assets_bulk(config, chunk)?).await?;
        assets.extend(decode::<AssetsEnvelope>(&raw)?.assets);
    }
    Ok(assets)
}

/// Reads a model's description, whose `inputs` give the authoritative ranges.
pub async fn get_model(config: &ApiConfig, model_id: &str) -> Result<Model, ApiError> {
    let raw = http::send(request::get_model(config, model_id)?).await?;
    decode::<ModelEnvelope>(&raw).map(|envelope| envelope.model)
}
