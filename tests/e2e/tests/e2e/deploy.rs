//! Deploying behind a real proxy: Debian's nginx runs the shipped `deploy/nginx.conf` on
//! loopback (its upstream pointed at the mock, whose CORS is off). Straight to the API the
//! studio gives the CORS advice; through the proxy a job completes, and nginx logged nothing
//! of the key.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::{expected_auth, mock};
use angleshot_e2e::{dist_dir, with_browser};
use angleshot_mock::Knobs;

/// nginx with the shipped server block, in a scratch prefix; killed when dropped.
struct Nginx {
    child: Child,
    prefix: PathBuf,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_nginx(upstream: &str) -> Nginx {
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../deploy/nginx.conf"
    ))
    .expect("deploy/nginx.conf");
    let port = free_port();
    let prefix =
        std::env::temp_dir().join(format!("angleshot-nginx-{}-{port}", std::process::id()));
    std::fs::create_dir_all(prefix.join("logs")).expect("prefix");
    // Only the site-specific values change: where to listen, the files, the upstream.
    let server = shipped
        .replace("listen 8080;", &format!("listen 127.0.0.1:{port};"))
        .replace(
            "root /srv/angleshot;",
            &format!("root {};", dist_dir().display()),
        )
        .replace("https://api.cloud.scenario.com/v1/", upstream);
    assert!(
        server.contains(upstream),
        "the shipped config proxies to Scenario's API"
    );
    let main = format!(
        "user root;\nworker_processes 1;\nerror_log {p}/logs/error.log info;\npid {p}/nginx.pid;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n  access_log {p}/logs/access.log;\n  client_body_temp_path {p}/body;\n  proxy_temp_path {p}/proxy;\n\
           fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n{server}\n}}\n",
        p = prefix.display()
    );
    let conf = prefix.join("nginx.conf");
    std::fs::write(&conf, main).expect("write nginx.conf");
    let child = Command::new("nginx")
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&conf)
        .args(["-g", "daemon off;"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx (scripts/install-tools.sh installs Debian's)");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nginx did not start: {:?}",
            std::fs::read_to_string(prefix.join("logs/error.log"))
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx {
        child,
        prefix,
        port,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_the_shipped_nginx_config_a_job_completes_where_cors_fails() {
    let api = mock(Knobs {
        job_duration_ms: 400,
        cors: false,
        ..Knobs::default()
    })
    .await;
    let nginx = start_nginx(&format!("{}/", api.api_base()));
    let url = format!("http://127.0.0.1:{}/", nginx.port);
    let prefix = nginx.prefix.clone();
    with_browser(|page| async move {
        page.open(&url).await;
        // Straight to the API: the browser blocks it, the studio says what to do.
        page.fill_settings(&api).await;
        page.click_button("Test connection").await;
        let report = page
            .wait_text("status", "Connection status", |t| {
                t.contains("could not reach the API")
            })
            .await;
        assert!(report.contains("proxy base URL"), "{report}");

        // Through the proxy (a relative base, as config.json would set it): a whole job.
        page.fill("API base URL", "scenario-api").await;
        page.click_button("Test connection").await;
        page.wait_text("status", "Connection status", |t| {
            t.starts_with("Connected")
        })
        .await;
        page.choose_image("chair.png", &angleshot_e2e::fixtures::png())
            .await;
        page.wait_uploaded().await;
        page.fill("Prompt", "through nginx").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let api_calls: Vec<_> = api
            .requests()
            .into_iter()
            .filter(|r| r.server == "api" && r.method != "OPTIONS")
            .collect();
        assert!(
            api_calls
                .iter()
                .any(|r| r.path.starts_with("/v1/generate/")),
            "the job went through nginx"
        );
        for r in api_calls.iter().filter(|r| r.status != 0) {
            if r.path.starts_with("/v1/") && r.header("origin").is_none() {
                assert_eq!(
                    r.header("authorization"),
                    Some(expected_auth().as_str()),
                    "{} passed through",
                    r.path
                );
            }
        }
        let logs = ["access.log", "error.log"]
            .iter()
            .map(|f| std::fs::read_to_string(prefix.join("logs").join(f)).unwrap_or_default())
            .collect::<String>();
        let basic = expected_auth().trim_start_matches("Basic ").to_string();
        assert!(
            !logs.contains(&basic) && !logs.contains("test-secret"),
            "the key is not logged"
        );
        assert!(
            !logs.contains("/scenario-api/"),
            "the proxied calls are not logged at all"
        );
    })
    .await;
    drop(nginx);
}
