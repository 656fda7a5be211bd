//! The job history in IndexedDB (through the `idb` crate): job and set records as versioned
//! JSON strings (format in `domain::history`), result bytes as Blobs keyed by the job's local
//! id. Every call reports failure as a plain message; the studio then keeps working in memory.
//!
//! ```no_run
//! # async fn demo() {
//! use angleshot::studio::history;
//! if let Ok(db) = history::open().await {
//!     let _everything = history::load(&db).await;
//! }
//! # }
//! ```

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

const DB_NAME: &str = "angleshot";
const DB_VERSION: u32 = 1;
/// Job records (JSON strings), keyed by local id.
pub const JOBS: &str = "jobs";
/// Set records (JSON strings), keyed by set id.
pub const SETS: &str = "sets";
/// Result bytes (Blobs), keyed by the job's local id.
pub const RESULTS: &str = "results";

/// Everything stored, as read back.
#[derive(Default)]
pub struct Stored {
    pub jobs: Vec<String>,
    pub sets: Vec<String>,
    pub results: Vec<(u64, web_sys::Blob)>,
}

fn message(error: impl std::fmt::Display) -> String {
    let text = error.to_string();
    if text.contains("QuotaExceeded") {
        "Storage is full: new results are kept in this tab only (free some space, or Clear history).".to_string()
    } else {
        format!("History could not be saved on this device: {text}")
    }
}

/// Opens (creating or upgrading) the history database.
pub async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| {
        format!("History is off on this device (private browsing or storage disabled): jobs stay in this tab only. ({e})")
    })?;
    let mut request = factory.open(DB_NAME, Some(DB_VERSION)).map_err(message)?;
    request.on_upgrade_needed(|event| {
        let Ok(db) = event.database() else { return };
        let existing = db.store_names();
        for name in [JOBS, SETS, RESULTS] {
            if !existing.iter().any(|n| n == name) {
                let _ = db.create_object_store(name, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(|e| {
        format!("History is off on this device (private browsing or storage disabled): jobs stay in this tab only. ({e})")
    })
}

/// Writes `value` under `key` in `store`.
pub async fn put(db: &Database, store: &str, key: u64, value: &JsValue) -> Result<(), String> {
    let tx = db
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(message)?;
    let objects = tx.object_store(store).map_err(message)?;
    objects
        .put(value, Some(&JsValue::from_f64(key as f64)))
        .map_err(message)?
        .await
        .map_err(message)?;
    tx.commit().map_err(message)?.await.map_err(message)?;
    Ok(())
}

/// Deletes `key` from each of `stores`.
pub async fn delete(db: &Database, stores: &[&str], key: u64) -> Result<(), String> {
    let tx = db
        .transaction(stores, TransactionMode::ReadWrite)
        .map_err(message)?;
    for store in stores {
        let objects = tx.object_store(store).map_err(message)?;
        objects
            .delete(JsValue::from_f64(key as f64))
            .map_err(message)?
            .await
            .map_err(message)?;
    }
    tx.commit().map_err(message)?.await.map_err(message)?;
    Ok(())
}

/// Empties every store.
pub async fn clear(db: &Database) -> Result<(), String> {
    let tx = db
        .transaction(&[JOBS, SETS, RESULTS], TransactionMode::ReadWrite)
        .map_err(message)?;
    for store in [JOBS, SETS, RESULTS] {
        let objects = tx.object_store(store).map_err(message)?;
        objects.clear().map_err(message)?.await.map_err(message)?;
    }
    tx.commit().map_err(message)?.await.map_err(message)?;
    Ok(())
}

/// Reads everything back; unreadable rows are skipped.
pub async fn load(db: &Database) -> Result<Stored, String> {
    let tx = db
        .transaction(&[JOBS, SETS, RESULTS], TransactionMode::ReadOnly)
        .map_err(message)?;
    let strings = |values: Vec<JsValue>| -> Vec<String> {
        values.into_iter().filter_map(|v| v.as_string()).collect()
    };
    let jobs = tx.object_store(JOBS).map_err(message)?;
    let jobs = strings(
        jobs.get_all(None, None)
            .map_err(message)?
            .await
            .map_err(message)?,
    );
    let sets = tx.object_store(SETS).map_err(message)?;
    let sets = strings(
        sets.get_all(None, None)
            .map_err(message)?
            .await
            .map_err(message)?,
    );
    let results = tx.object_store(RESULTS).map_err(message)?;
    let keys = results
        .get_all_keys(None, None)
        .map_err(message)?
        .await
        .map_err(message)?;
    let blobs = results
        .get_all(None, None)
        .map_err(message)?
        .await
        .map_err(message)?;
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
