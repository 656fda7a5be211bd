//! Assets: uploaded inputs and generated results.

use serde_json::Value;

use super::{FromJson, object, required_text};
use crate::api::lenient;

/// `asset.properties`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetProperties {
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub size: Option<f64>,
}

impl FromJson for AssetProperties {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(AssetProperties {
            width: lenient::number_of(value, "width"),
            height: lenient::number_of(value, "height"),
            size: lenient::number_of(value, "size"),
        })
    }
}

/// `asset.thumbnail`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thumbnail {
    pub asset_id: Option<String>,
    pub url: Option<String>,
}

impl FromJson for Thumbnail {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Thumbnail {
            asset_id: lenient::text_of(value, "assetId"),
            url: lenient::text_of(value, "url"),
        })
    }
}

/// An asset. `url` is a signed CDN link that expires: fetch it soon, never edit it.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub id: String,
    pub url: Option<String>,
    pub mime_type: Option<String>,
    pub properties: Option<AssetProperties>,
    pub thumbnail: Option<Thumbnail>,
    pub metadata: Option<Value>,
}

impl FromJson for Asset {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Asset {
            id: required_text(value, "id")?,
            url: lenient::text_of(value, "url"),
            mime_type: lenient::text_of(value, "mimeType"),
            properties: value.get("properties").and_then(AssetProperties::from_json),
            thumbnail: value.get("thumbnail").and_then(Thumbnail::from_json),
            metadata: lenient::present(value, "metadata").cloned(),
        })
    }
}

/// `{ "asset": ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetEnvelope {
    pub asset: Asset,
}

impl FromJson for AssetEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        Some(AssetEnvelope {
            asset: Asset::from_json(value.get("asset")?)?,
        })
    }
}

/// `{ "assets": [...] }`; assets without an id are skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetsEnvelope {
    pub assets: Vec<Asset>,
}

impl FromJson for AssetsEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(AssetsEnvelope {
            assets: lenient::list_of(value, "assets", Asset::from_json),
        })
    }
}

/// Answer of `GET /assets`: one page, newest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetsPage {
    pub assets: Vec<Asset>,
    pub next_pagination_token: Option<String>,
}

impl FromJson for AssetsPage {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(AssetsPage {
            assets: lenient::list_of(value, "assets", Asset::from_json),
            next_pagination_token: lenient::text_of(value, "nextPaginationToken"),
        })
    }
}
