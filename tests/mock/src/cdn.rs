//! The "CDN": results served by signed, expiring URLs (`/assets/{id}?Policy=..&Signature=..&Key-Pair-Id=..`, CloudFront's shape),
//! refusing `Authorization` as a real signed-URL CDN does.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::Shared;
use crate::handler::{error, parse_query};
use crate::time::now_ms;

/// A preflight only happens if the app sends a non-simple header (Authorization): refused.
pub(crate) async fn preflight() -> Response {
    StatusCode::FORBIDDEN.into_response()
}

/// Any other path (or a preflight to one).
pub(crate) async fn not_found(method: Method) -> Response {
    if method == Method::OPTIONS {
        return preflight().await;
    }
    error(StatusCode::NOT_FOUND, "Not found")
}

/// `GET /assets/{id}?Policy=..&Signature=..&Key-Pair-Id=..`.
pub(crate) async fn asset(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    if headers.contains_key(header::AUTHORIZATION) {
        return error(
            StatusCode::FORBIDDEN,
            "Authorization header is not allowed on signed URLs",
        );
    }
    let query = parse_query(query.as_deref().unwrap_or(""));
    let value = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let now = now_ms();
    shared.with(|store| {
        let (Some(policy), Some(signature)) = (value("Policy"), value("Signature")) else {
            return error(StatusCode::FORBIDDEN, "Missing signature");
        };
        if store.sign(&id, &policy) != signature {
            return error(StatusCode::FORBIDDEN, "Signature does not match");
        }
        match crate::store::policy_expiry_secs(&policy) {
            Some(expires_secs) if now < expires_secs * 1000 => {}
            _ => return error(StatusCode::FORBIDDEN, "Request has expired"),
        }
        if store.knobs.cdn_expire_next > 0 {
            store.knobs.cdn_expire_next -= 1;
            return error(StatusCode::FORBIDDEN, "Request has expired");
        }
        match store.assets.get(&id) {
            Some(asset) => (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, asset.mime_type.clone()),
                    (header::CACHE_CONTROL, "private, max-age=86400".to_string()),
                ],
                asset.bytes.as_ref().clone(),
            )
                .into_response(),
            None => error(StatusCode::NOT_FOUND, "Not found"),
        }
    })
}
