//! The oracle for the hand-written readers: the stored records and the generate body as
//! serde's derive reads them (every field of its type, `#[serde(default)]` where a field may
//! be absent). The app has no `Deserialize` of its own; these mirrors exist only so the
//! property tests can check that the readers accept and refuse exactly what a derive would.
//! Each serialises back to the app's own JSON, which is how the tests compare them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum AspectRatio {
    #[serde(rename = "match_input_image")]
    MatchInput,
    #[serde(rename = "16:9")]
    Wide16x9,
    #[serde(rename = "4:3")]
    Landscape4x3,
    #[serde(rename = "1:1")]
    Square,
    #[serde(rename = "3:4")]
    Portrait3x4,
    #[serde(rename = "9:16")]
    Tall9x16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateBody {
    pub image: String,
    pub prompt: String,
    pub rotate_degrees: i32,
    pub move_forward: i32,
    pub vertical_tilt: i32,
    pub use_wide_angle: bool,
    pub aspect_ratio: AspectRatio,
    pub lora_scale: f64,
    pub go_fast: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultRecord {
    pub asset_id: String,
    pub mime_type: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobRecord {
    pub version: u32,
    pub local_id: u64,
    #[serde(default)]
    pub set_id: Option<u64>,
    #[serde(default)]
    pub job_id: Option<String>,
    pub body: GenerateBody,
    pub input_name: String,
    #[serde(default)]
    pub thumbnail: String,
    pub phase: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub progress: Option<f64>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub notice: Option<String>,
    pub submitted_ms: f64,
    #[serde(default)]
    pub finished_ms: Option<f64>,
    #[serde(default)]
    pub result_asset_ids: Vec<String>,
    #[serde(default)]
    pub result: Option<ResultRecord>,
    #[serde(default)]
    pub base_rotation: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CellRecord {
    pub rotate: i32,
    pub tilt: i32,
    pub job: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetRecord {
    pub version: u32,
    pub id: u64,
    pub input_name: String,
    #[serde(default)]
    pub original: String,
    #[serde(default)]
    pub input_asset_id: Option<String>,
    #[serde(default)]
    pub base_rotation: i32,
    pub created_ms: f64,
    pub cells: Vec<CellRecord>,
}
