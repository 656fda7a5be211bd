//! ZIP files of stored (not deflated) entries, written and read back: the set and dataset
//! archives and the backup. Images are already compressed, so no deflater enters the
//! bundle; the reader reads what the writer writes (and any stored-only ZIP), and refuses the
//! rest with a reason.
//!
//! ```
//! use angleshot::util::zip::{read_stored, stored};
//! let zip = stored(&[("a.txt", b"hello".as_slice())]).unwrap();
//! let entries = read_stored(&zip).unwrap();
//! assert_eq!((entries[0].name.as_str(), entries[0].bytes), ("a.txt", b"hello".as_slice()));
//! assert!(read_stored(&zip[..zip.len() - 3]).is_err());
//! ```

/// A ZIP of `entries` (stored, not deflated). Written here rather than by a ZIP crate: stored
/// entries need only headers and a CRC-32, and a general ZIP writer cost the wasm far more
/// (docs/decisions/0003). No ZIP64: past 4 GB (or 65 535 files) is refused.
pub fn stored(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, String> {
    let too_big = || "Too large for one ZIP (over 4 GB).".to_string();
    let count = u16::try_from(entries.len()).map_err(|_| too_big())?;
    let mut zip = Vec::new();
    let mut directory = Vec::new();
    for &(name, bytes) in entries {
        let offset = u32::try_from(zip.len()).map_err(|_| too_big())?;
        let size = u32::try_from(bytes.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| format!("{name}: name too long"))?;
        let crc = crc32(bytes);
        // Local header: signature, version 2.0, UTF-8 names, stored, 1980-01-01 00:00.
        put32(&mut zip, 0x0403_4b50);
        for field in [20, ZIP_UTF8, 0, 0, DOS_DATE] {
            put16(&mut zip, field);
        }
        for field in [crc, size, size] {
            put32(&mut zip, field);
        }
        put16(&mut zip, name_len);
        put16(&mut zip, 0);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(bytes);
        // Its central directory record.
        put32(&mut directory, 0x0201_4b50);
        for field in [20, 20, ZIP_UTF8, 0, 0, DOS_DATE] {
            put16(&mut directory, field);
        }
        for field in [crc, size, size] {
            put32(&mut directory, field);
        }
        for field in [name_len, 0, 0, 0, 0] {
            put16(&mut directory, field);
        }
        put32(&mut directory, 0);
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = u32::try_from(zip.len()).map_err(|_| too_big())?;
    let directory_size = u32::try_from(directory.len()).map_err(|_| too_big())?;
    zip.extend_from_slice(&directory);
    put32(&mut zip, 0x0605_4b50);
    for field in [0, 0, count, count] {
        put16(&mut zip, field);
    }
    put32(&mut zip, directory_size);
    put32(&mut zip, directory_offset);
    put16(&mut zip, 0);
    Ok(zip)
}

/// General-purpose flag: names are UTF-8.
const ZIP_UTF8: u16 = 0x0800;
/// 1980-01-01 in MS-DOS date format (no file dates: the manifest has the real times).
const DOS_DATE: u16 = (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// CRC-32 (IEEE, as ZIP uses), table-driven.
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |crc, &b| {
        TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// Why a file could not be read as a ZIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// No ZIP directory at the end: not a ZIP at all, or cut short.
    NotZip,
    /// An entry runs past the end of the file, or its bytes fail their CRC.
    Damaged(String),
    /// Compressed or encrypted entries (this reader reads stored ones).
    Unsupported(String),
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZipError::NotZip => f.write_str("not a ZIP file, or one cut short"),
            ZipError::Damaged(what) => write!(f, "the ZIP is damaged ({what})"),
            ZipError::Unsupported(what) => {
                write!(f, "{what} is compressed; only stored entries are read")
            }
        }
    }
}

/// One file of a ZIP, borrowed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry<'a> {
    pub name: String,
    pub bytes: &'a [u8],
}

fn u16_at(zip: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(zip.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(zip: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(zip.get(at..at + 4)?.try_into().ok()?))
}

/// Every entry of a ZIP of stored entries, each checked against its CRC-32.
pub fn read_stored(zip: &[u8]) -> Result<Vec<ZipEntry<'_>>, ZipError> {
    // The end record: 22 bytes, then a comment of up to 64 KiB.
    let search_from = zip.len().saturating_sub(22 + 0xFFFF);
    let end = (search_from..=zip.len().saturating_sub(22))
        .rev()
        .find(|&at| u32_at(zip, at) == Some(0x0605_4b50))
        .ok_or(ZipError::NotZip)?;
    let count = usize::from(u16_at(zip, end + 10).ok_or(ZipError::NotZip)?);
    let mut at = u32_at(zip, end + 16).ok_or(ZipError::NotZip)? as usize;
    let damaged = |what: &str| ZipError::Damaged(what.to_string());
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err(damaged("directory"));
        }
        let field = |offset: usize| u16_at(zip, at + offset).ok_or_else(|| damaged("directory"));
        let (flags, method) = (field(8)?, field(10)?);
        let crc = u32_at(zip, at + 16).ok_or_else(|| damaged("directory"))?;
        let size = u32_at(zip, at + 20).ok_or_else(|| damaged("directory"))? as usize;
        let (name_len, extra_len, comment_len) = (
            usize::from(field(28)?),
            usize::from(field(30)?),
            usize::from(field(32)?),
        );
        let local = u32_at(zip, at + 42).ok_or_else(|| damaged("directory"))? as usize;
        let name_bytes = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or_else(|| damaged("directory"))?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        if method != 0 || flags & 1 == 1 {
            return Err(ZipError::Unsupported(name));
        }
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(ZipError::Damaged(name));
        }
        let local_name = usize::from(u16_at(zip, local + 26).ok_or_else(|| damaged(&name))?);
        let local_extra = usize::from(u16_at(zip, local + 28).ok_or_else(|| damaged(&name))?);
        let start = local + 30 + local_name + local_extra;
        let bytes = zip
            .get(start..start + size)
            .ok_or_else(|| ZipError::Damaged(name.clone()))?;
        if crc32(bytes) != crc {
            return Err(ZipError::Damaged(name));
        }
        entries.push(ZipEntry { name, bytes });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}
