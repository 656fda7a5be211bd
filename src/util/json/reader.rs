//! A JSON reader to [`Value`], by the rules serde_json reads by (RFC 8259; integers stay exact
//! up to 64 bits; nesting deeper than 128 is refused), and small.
//!
//! Why not serde_json's own: its reader is generic over visitors and brings its number
//! tables, escapes and error machinery into the wasm (~5 KB compressed of a first visit). The
//! browser's `JSON.parse` is free in size but hands every field across the JS boundary, which
//! made reopening 200 saved jobs 25 % slower. This one reads the bytes in the wasm; only the
//! rare number with a fraction or an exponent goes to the browser's `parseFloat` (natively to
//! std's parser), both correctly rounded.
//!
//! ```
//! use angleshot::util::json::reader::read;
//! assert_eq!(read(r#" {"a": [1, -2, 0.5, "é\n"]} "#).unwrap(), serde_json::json!({"a": [1, -2, 0.5, "é\n"]}));
//! assert!(read("[1,]").is_err());
//! ```

use serde_json::{Map, Number, Value};

/// Nesting this deep is refused (serde_json's limit: 127 levels are read), so hostile input
/// cannot use up the stack.
const MAX_DEPTH: usize = 128;

/// Reads one JSON value, with nothing but whitespace around it.
pub fn read(text: &str) -> Result<Value, String> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_space();
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(reader.error("trailing characters")),
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &[u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    /// Steps over `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if !self.rest().starts_with(word.as_bytes()) {
            return Err(self.error("expected a value"));
        }
        self.at += word.len();
        Ok(value)
    }

    /// Reads an array or object (after its opening bracket) one level deeper.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        if self.depth + 1 >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value, String> {
        let mut items = Vec::new();
        self.items(b']', |reader| {
            items.push(reader.value()?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, String> {
        let mut fields = Map::new();
        self.items(b'}', |reader| {
            reader.skip_space();
            if reader.peek() != Some(b'"') {
                return Err(reader.error("expected a key"));
            }
            let key = reader.string()?;
            reader.skip_space();
            if !reader.eat(b':') {
                return Err(reader.error("expected `:`"));
            }
            let value = reader.value()?;
            fields.insert(key, value); // a repeated key: the last one wins, as in serde_json
            Ok(())
        })?;
        Ok(Value::Object(fields))
    }

    /// Reads comma-separated items with `item` up to the `close` bracket (none is fine; a
    /// trailing comma is not).
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        self.skip_space();
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or a closing bracket"));
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        // Plain characters are copied a run at a time; runs end at ASCII bytes, so each run
        // is whole UTF-8.
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    out.push(self.escape()?);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.error("control character in a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character an escape (after its backslash) stands for.
    fn escape(&mut self) -> Result<char, String> {
        let Some(kind) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        self.at += 1;
        Ok(match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    // A leading surrogate must be followed by an escaped trailing one.
                    0xD800..=0xDBFF => {
                        if !self.rest().starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate"));
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate")),
                    _ => first,
                };
                return char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"));
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|d| char::from(d).to_digit(16))
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> bool {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at > start
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let negative = self.eat(b'-');
        let digits_start = self.at;
        // No leading zeros: "0" alone, or a digit 1–9 and any more.
        let has_integer_part =
            self.eat(b'0') || (matches!(self.peek(), Some(b'1'..=b'9')) && self.digits());
        if !has_integer_part {
            return Err(self.error("invalid number"));
        }
        let digits_end = self.at;
        let mut whole = true;
        if self.eat(b'.') {
            whole = false;
            if !self.digits() {
                return Err(self.error("invalid number"));
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            whole = false;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                return Err(self.error("invalid number"));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        if whole {
            let digits = self
                .text
                .as_bytes()
                .get(digits_start..digits_end)
                .unwrap_or_default();
            if let Some(number) = integer(digits, negative) {
                return Ok(Value::Number(number));
            }
        }
        decimal(text)
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| self.error("number out of range"))
    }
}

/// An integer as serde_json keeps it: `u64` if not negative, `i64` if negative (and not -0,
/// which is a float); `None` when it does not fit (read as a float, as serde_json does).
fn integer(digits: &[u8], negative: bool) -> Option<Number> {
    let mut magnitude: u64 = 0;
    for &digit in digits {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    if !negative {
        return Some(Number::from(magnitude));
    }
    if magnitude == 0 || magnitude > 1 << 63 {
        return None;
    }
    Some(Number::from((magnitude as i64).wrapping_neg()))
}

/// A JSON number with a fraction or exponent (or too long for 64 bits), correctly rounded.
fn decimal(text: &str) -> Option<f64> {
    // std's float parser would bring its own tables into the wasm; the browser has one.
    #[cfg(target_arch = "wasm32")]
    return Some(js_sys::Number::parse_float(text));
    #[cfg(not(target_arch = "wasm32"))]
    return text.parse().ok();
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_kind_of_value() {
        assert_eq!(read("null"), Ok(Value::Null));
        assert_eq!(read(" true "), Ok(json!(true)));
        assert_eq!(
            read(r#"{"a":{"b":[1,2,{}]},"c":"d"}"#),
            Ok(json!({"a":{"b":[1,2,{}]},"c":"d"}))
        );
        assert_eq!(read(r#""\ud83d\ude00 \u00e9\t""#), Ok(json!("😀 é\t")));
    }

    #[test]
    fn numbers_keep_serde_jsons_kinds() {
        assert_eq!(read("18446744073709551615"), Ok(json!(u64::MAX)));
        assert_eq!(read("-9223372036854775808"), Ok(json!(i64::MIN)));
        assert!(read("-0").is_ok_and(|v| v.is_f64()));
        assert!(read("18446744073709551616").is_ok_and(|v| v.is_f64()));
        assert!(read("3.0").is_ok_and(|v| v.is_f64()));
        assert_eq!(read("1e3"), Ok(json!(1000.0)));
        assert!(read("1e400").is_err());
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "",
            " ",
            "01",
            "1.",
            ".5",
            "+1",
            "-",
            "1e",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'a'",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}\"",
            "\"open",
            "nul",
            "[1] 2",
            "NaN",
        ] {
            assert!(read(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(read(&deep).is_err());
        let nested = |levels| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        assert!(read(&nested(127)).is_ok());
        assert!(read(&nested(128)).is_err());
        assert!(serde_json::from_str::<Value>(&nested(127)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(128)).is_err());
    }
}
