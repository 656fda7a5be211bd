//! The job history in IndexedDB: job and set records as versioned JSON strings (format in
//! `domain::history`), result bytes as Blobs keyed by the job's local id. Every call reports
//! failure as a plain message; the studio then keeps working in memory.
//!
//! Plain `web_sys` calls: a request or a transaction becomes a `Promise` that its
//! success/complete event resolves and its error/abort event rejects, awaited like any other.
//! (The `idb` crate did the same with more code in the wasm.)
//!
//! ```no_run
//! # async fn demo() {
//! use angleshot::studio::history;
//! if let Ok(db) = history::open().await {
//!     let _everything = history::load(&db).await;
//! }
//! # }
//! ```

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

/// An open history database.
pub type Database = IdbDatabase;

const DB_NAME: &str = "angleshot";
const DB_VERSION: u32 = 1;
/// Job records (JSON strings), keyed by local id.
pub const JOBS: &str = "jobs";
/// Set records (JSON strings), keyed by set id.
pub const SETS: &str = "sets";
/// Result bytes (Blobs), keyed by the job's local id.
pub const RESULTS: &str = "results";

const OFF: &str = "History is off on this device (private browsing or storage disabled): jobs stay in this tab only.";

/// Everything stored, as read back.
#[derive(Default)]
pub struct Stored {
    pub jobs: Vec<String>,
    pub sets: Vec<String>,
    pub results: Vec<(u64, web_sys::Blob)>,
}

/// The browser's words for a failure: "Name: message" for a `DOMException`.
fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<DomException>() {
        format!("{}: {}", e.name(), e.message())
    } else if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        String::from(e.message())
    } else {
        error
            .as_string()
            .unwrap_or_else(|| "unknown error".to_string())
    }
}

fn message(error: JsValue) -> String {
    refused(error).message
}

/// A write the browser refused, and whether for space.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The origin's quota is used up (`QuotaExceededError`).
    pub full: bool,
    pub message: String,
}

fn refused(error: JsValue) -> Refused {
    let text = describe(&error);
    let full = text.contains("QuotaExceeded");
    let message = if full {
        "Storage is full: new results are not kept on this device (Free up space in Settings, or Clear history).".to_string()
    } else {
        format!("History could not be saved on this device: {text}")
    };
    Refused { full, message }
}

/// The request's result once it succeeds; its error when it fails.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => request.result(),
        Err(event) => Err(match request.error() {
            Ok(Some(e)) => e.into(),
            _ => event,
        }),
    }
}

/// Waits until the transaction has committed; its error when it fails or aborts.
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|event| tx.error().map_or(event, JsValue::from))
}

fn transaction(
    db: &Database,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, JsValue> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode)
}

/// Opens (creating or upgrading) the history database.
pub async fn open() -> Result<Database, String> {
    let off = |e: JsValue| format!("{OFF} ({})", describe(&e));
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))
        .and_then(|w| w.indexed_db())
        .map_err(off)?
        .ok_or_else(|| format!("{OFF} (no IndexedDB)"))?;
    let request = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(off)?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move |_event: web_sys::Event| {
        let Ok(db) = upgrading.result() else { return };
        let db: Database = db.unchecked_into();
        let existing = db.object_store_names();
        for name in [JOBS, SETS, RESULTS] {
            if !existing.contains(name) {
                let _ = db.create_object_store(name);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = settled(&request).await.map_err(off)?;
    request.set_onupgradeneeded(None);
    db.dyn_into::<Database>().map_err(off)
}

/// Writes `value` under `key` in `store`, all or nothing (one transaction).
pub async fn put(db: &Database, store: &str, key: u64, value: &JsValue) -> Result<(), Refused> {
    let tx = transaction(db, &[store], IdbTransactionMode::Readwrite).map_err(refused)?;
    let objects = tx.object_store(store).map_err(refused)?;
    let request = objects
        .put_with_key(value, &JsValue::from_f64(key as f64))
        .map_err(refused)?;
    settled(&request).await.map_err(refused)?;
    committed(&tx).await.map_err(refused)
}

/// Deletes `key` from each of `stores`.
pub async fn delete(db: &Database, stores: &[&str], key: u64) -> Result<(), String> {
    let tx = transaction(db, stores, IdbTransactionMode::Readwrite).map_err(message)?;
    for store in stores {
        let objects = tx.object_store(store).map_err(message)?;
        let request = objects
            .delete(&JsValue::from_f64(key as f64))
            .map_err(message)?;
        settled(&request).await.map_err(message)?;
    }
    committed(&tx).await.map_err(message)
}

/// Empties every store.
pub async fn clear(db: &Database) -> Result<(), String> {
    let stores = [JOBS, SETS, RESULTS];
    let tx = transaction(db, &stores, IdbTransactionMode::Readwrite).map_err(message)?;
    for store in stores {
        let objects = tx.object_store(store).map_err(message)?;
        let request = objects.clear().map_err(message)?;
        settled(&request).await.map_err(message)?;
    }
    committed(&tx).await.map_err(message)
}

/// Every value of `store` (`keys: false`) or every key (`keys: true`), as a list.
async fn read_all(tx: &IdbTransaction, store: &str, keys: bool) -> Result<Vec<JsValue>, String> {
    let objects = tx.object_store(store).map_err(message)?;
    let request = if keys {
        objects.get_all_keys()
    } else {
        objects.get_all()
    }
    .map_err(message)?;
    let list = settled(&request).await.map_err(message)?;
    Ok(list
        .dyn_into::<Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default())
}

/// Reads everything back; unreadable rows are skipped.
pub async fn load(db: &Database) -> Result<Stored, String> {
    let tx =
        transaction(db, &[JOBS, SETS, RESULTS], IdbTransactionMode::Readonly).map_err(message)?;
    let strings = |values: Vec<JsValue>| -> Vec<String> {
        values.into_iter().filter_map(|v| v.as_string()).collect()
    };
    let jobs = strings(read_all(&tx, JOBS, false).await?);
    let sets = strings(read_all(&tx, SETS, false).await?);
    let keys = read_all(&tx, RESULTS, true).await?;
    let blobs = read_all(&tx, RESULTS, false).await?;
    let results = keys
        .into_iter()
        .zip(blobs)
        .filter_map(|(key, blob)| {
            let id = key.as_f64()?;
            Some((id as u64, blob.dyn_into::<web_sys::Blob>().ok()?))
        })
        .collect();
    Ok(Stored {
        jobs,
        sets,
        results,
    })
}
