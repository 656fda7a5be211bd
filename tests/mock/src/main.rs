//! `cargo run -p angleshot-mock -- --port 9000`: a local Scenario API for trying the app and
//! for tests. `--help` lists the knobs; they can also be changed at run time through
//! `POST /__control/knobs`.

use angleshot_mock::{Fault, FaultKind, MockOptions, MockServer};

const HELP: &str = "angleshot-mock: a local Scenario API (contract-exact) and CDN

Options:
  --port N              API port (default 9000; 0 = any free port)
  --cdn-port N          CDN port (default: API port + 1; 0 = any free port)
  --key K --secret S    credentials to accept (default test-key / test-secret)
  --job-ms N            job duration in milliseconds (default 6000)
  --latency-ms N        delay before every API answer
  --error-rate F        share of API requests answered 503 (0..1)
  --no-cors             send no CORS headers (the browser will block direct calls)
  --fail-jobs N         the next N jobs end in failure with an error and a hint
  --unknown-status S    running jobs report status S (not in the contract)
  --rate-limit N        the next N API requests answer 429
  --retry-after S       ... with Retry-After: S (default: no header)
  --drop N              the next N API requests have their connection dropped
  --malformed N         the next N API requests answer 200 with truncated JSON
  --url-ttl S           lifetime of signed CDN URLs in seconds (default 86400)
  --allow-cancel        accept cancel actions (the real API refuses them for custom jobs)

Control endpoint (API port): GET/POST /__control/knobs, GET /__control/requests,
POST /__control/clear-requests, POST /__control/reset-knobs, GET /__control/jobs.";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n\n{HELP}");
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("cannot start the runtime: {err}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async move {
        let key = options.api_key.clone();
        let secret = options.api_secret.clone();
        match MockServer::start(options).await {
            Ok(mock) => {
                println!(
                    "Mock Scenario API: {}  (API key: {key}, API secret: {secret})",
                    mock.api_base()
                );
                println!("Mock CDN:          http://{}", mock.cdn_addr);
                let _ = tokio::signal::ctrl_c().await;
            }
            Err(err) => {
                eprintln!("cannot start the mock: {err}");
                std::process::exit(1);
            }
        }
    });
}

fn parse(args: &[String]) -> Result<MockOptions, String> {
    let mut options = MockOptions {
        api_port: 9000,
        ..MockOptions::default()
    };
    let mut cdn_port = None;
    let mut rate_limit = 0u32;
    let mut retry_after = None;
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        fn num<T: std::str::FromStr>(flag: &str, text: String) -> Result<T, String> {
            text.parse()
                .map_err(|_| format!("{flag}: '{text}' is not a valid number"))
        }
        match flag {
            "--help" | "-h" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            "--port" => options.api_port = num(flag, value()?)?,
            "--cdn-port" => cdn_port = Some(num(flag, value()?)?),
            "--key" => options.api_key = value()?,
            "--secret" => options.api_secret = value()?,
            "--job-ms" => options.knobs.job_duration_ms = num(flag, value()?)?,
            "--latency-ms" => options.knobs.latency_ms = num(flag, value()?)?,
            "--error-rate" => options.knobs.error_rate_5xx = num(flag, value()?)?,
            "--no-cors" => options.knobs.cors = false,
            "--fail-jobs" => options.knobs.fail_next_jobs = num(flag, value()?)?,
            "--unknown-status" => options.knobs.unknown_status = Some(value()?),
            "--rate-limit" => rate_limit = num(flag, value()?)?,
            "--retry-after" => retry_after = Some(num(flag, value()?)?),
            "--drop" => {
                let n = num(flag, value()?)?;
                options
                    .knobs
                    .faults
                    .push(Fault::next(FaultKind::DropBefore, "/v1/", n));
            }
            "--malformed" => {
                let n = num(flag, value()?)?;
                options
                    .knobs
                    .faults
                    .push(Fault::next(FaultKind::Malformed, "/v1/", n));
            }
            "--url-ttl" => options.knobs.asset_url_ttl_secs = num(flag, value()?)?,
            "--allow-cancel" => options.knobs.cancel_allowed = true,
            other => return Err(format!("unknown option {other}")),
        }
        i += 1;
    }
    if rate_limit > 0 {
        options.knobs.faults.push(Fault::next(
            FaultKind::RateLimit {
                retry_after_secs: retry_after,
                remaining_seconds: None,
            },
            "/v1/",
            rate_limit,
        ));
    }
    options.cdn_port = cdn_port.unwrap_or(if options.api_port == 0 {
        0
    } else {
        options.api_port.saturating_add(1)
    });
    Ok(options)
}
