//! Measured values, their budgets, the printed table and the JSON report.

use serde_json::{Value, json};

/// Which way a budget points.
#[derive(Clone, Copy, Debug)]
pub enum Limit {
    /// The value must not exceed this.
    AtMost(f64),
    /// Reported only.
    None,
}

/// One measured figure.
#[derive(Clone, Debug)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
    pub limit: Limit,
}

impl Metric {
    /// A figure with a budget.
    pub fn budget(name: &str, value: f64, unit: &'static str, max: f64) -> Metric {
        Metric {
            name: name.to_string(),
            value,
            unit,
            limit: Limit::AtMost(max),
        }
    }

    /// A figure that is only reported.
    pub fn info(name: &str, value: f64, unit: &'static str) -> Metric {
        Metric {
            name: name.to_string(),
            value,
            unit,
            limit: Limit::None,
        }
    }

    /// Whether the figure is within its budget (always, when it has none).
    pub fn ok(&self) -> bool {
        match self.limit {
            Limit::AtMost(max) => self.value <= max,
            Limit::None => true,
        }
    }
}

/// A dist/ file with its raw, gzip and brotli sizes.
#[derive(Clone, Debug)]
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Everything the bench found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub metrics: Vec<Metric>,
    pub files: Vec<FileSize>,
}

impl Report {
    /// Names of the metrics over budget.
    pub fn broken(&self) -> Vec<String> {
        self.metrics
            .iter()
            .filter(|m| !m.ok())
            .map(|m| m.name.clone())
            .collect()
    }

    /// The table printed at the end of a run.
    pub fn table(&self) -> String {
        let mut out =
            String::from("\nfile                                   raw      gzip    brotli\n");
        for f in &self.files {
            out += &format!(
                "{:<34} {:>8} {:>9} {:>9}\n",
                f.name, f.raw, f.gzip, f.brotli
            );
        }
        out += &format!(
            "\n{:<58} {:>12} {:>12}  {}\n",
            "metric", "value", "budget", "ok"
        );
        for m in &self.metrics {
            let budget = match m.limit {
                Limit::AtMost(max) => format!("≤ {max} {}", m.unit),
                Limit::None => "-".to_string(),
            };
            out += &format!(
                "{:<58} {:>9.2} {:<3} {:>12}  {}\n",
                m.name,
                m.value,
                m.unit,
                budget,
                if m.ok() { "yes" } else { "NO" }
            );
        }
        out
    }

    /// The JSON report.
    pub fn json(&self) -> Value {
        json!({
            "files": self.files.iter().map(|f| json!({
                "name": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli,
            })).collect::<Vec<_>>(),
            "metrics": self.metrics.iter().map(|m| json!({
                "name": m.name,
                "value": m.value,
                "unit": m.unit,
                "budget": match m.limit { Limit::AtMost(max) => json!(max), Limit::None => Value::Null },
                "ok": m.ok(),
            })).collect::<Vec<_>>(),
            "broken": self.broken(),
        })
    }
}
