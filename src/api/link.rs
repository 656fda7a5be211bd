//! What a signed CDN link says of its own life: CloudFront links carry a base64 `Policy`
//! whose `DateLessThan.AWS:EpochTime` is the expiry (a canned policy carries `Expires`
//! instead). The link itself is never edited or stored.
//!
//! ```
//! use angleshot::api::link::expiry_ms;
//! // {"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":1765670400}}}]}
//! let url = "https://cdn.cloud.scenario.com/assets/a?Policy=eyJTdGF0ZW1lbnQiOlt7IkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NTY3MDQwMH19fV19&Signature=x&Key-Pair-Id=K";
//! assert_eq!(expiry_ms(url), Some(1_765_670_400_000.0));
//! assert_eq!(expiry_ms("https://cdn/a?Expires=1765670400&Signature=x"), Some(1_765_670_400_000.0));
//! assert_eq!(expiry_ms("https://cdn/a"), None);
//! ```

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::Value;

/// Standard base64 with or without its `=` padding.
const PADDING_OPTIONAL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// When the link stops working, in ms since the epoch; `None` when it does not say.
pub fn expiry_ms(url: &str) -> Option<f64> {
    let (_, query) = url.split_once('?')?;
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    };
    if let Some(policy) = param("Policy") {
        return policy_expiry_secs(policy).map(|secs| secs * 1000.0);
    }
    let expires: f64 = param("Expires")?.parse().ok()?;
    (expires.is_finite() && expires > 0.0).then_some(expires * 1000.0)
}

/// CloudFront's URL-safe base64 (`-` for `+`, `_` for `=`, `~` for `/`), then the JSON's
/// earliest `DateLessThan`.
fn policy_expiry_secs(policy: &str) -> Option<f64> {
    let standard: String = policy
        .replace("%3D", "=")
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '=',
            '~' => '/',
            other => other,
        })
        .collect();
    let bytes = PADDING_OPTIONAL.decode(&standard).ok()?;
    let policy: Value = crate::util::json::parse(std::str::from_utf8(&bytes).ok()?).ok()?;
    policy
        .get("Statement")?
        .as_array()?
        .iter()
        .filter_map(|statement| {
            statement
                .get("Condition")?
                .get("DateLessThan")?
                .get("AWS:EpochTime")?
                .as_f64()
        })
        .reduce(f64::min)
}
