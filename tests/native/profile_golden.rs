//! The `model_qwen-edit-multiangle` profile makes, byte for byte, what the studio sends and
//! saves: request bodies, directives, descriptions, download names, set file names and a
//! whole set ZIP. The files were first written by the code from before the camera became
//! model-neutral (#18), and passed unchanged through it; since then only the set's file names
//! changed, on purpose (#19: orbit order, the source's name, no `+`). `ANGLESHOT_BLESS=1`
//! rewrites them; the diff in review then shows what moved.

use std::fmt::Write as _;
use std::path::PathBuf;

use angleshot::api::types::{AspectRatio, GenerateBody};
use angleshot::domain::angle_set::SetAngle;
use angleshot::domain::camera::Lens;
use angleshot::domain::jobs::JobCard;
use angleshot::domain::profile::multiangle::{
    Pose, Ranges, body, describe, directive, download_name, initial_shot, place, set_file_label,
    set_fine, set_lora_scale,
};
use angleshot::domain::set_archive::{ArchiveImage, SetArchive};

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/native/golden")
        .join(name)
}

/// Compares `actual` with the kept file, or rewrites it when blessing.
fn check(name: &str, actual: &[u8]) {
    let path = golden(name);
    if std::env::var_os("ANGLESHOT_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap();
    if expected != actual {
        let actual_path = path.with_extension("actual");
        std::fs::write(&actual_path, actual).unwrap();
        panic!(
            "{name} differs from what the studio made; see {}",
            actual_path.display()
        );
    }
}

/// One panel state as the artist sets it (the seed model's own units).
struct PanelState {
    rotate: i32,
    forward: i32,
    tilt: i32,
    wide: bool,
    fine: bool,
    prompt: &'static str,
    aspect_ratio: AspectRatio,
    lora_scale: f64,
    go_fast: bool,
}

/// What the studio makes of one panel state: the body as sent, the directive preview, the
/// words on its card, its download name and its name in a set, on one line.
fn render(state: &PanelState) -> String {
    let ranges = Ranges::default();
    let mut shot = initial_shot(&ranges);
    set_fine(&mut shot, state.fine, &ranges);
    // One slider after the other, as the artist would.
    let rotate = Pose {
        rotate: state.rotate,
        ..Pose::of(&shot.camera)
    };
    place(&mut shot, rotate, &ranges);
    let forward = Pose {
        forward: state.forward,
        ..Pose::of(&shot.camera)
    };
    place(&mut shot, forward, &ranges);
    let tilt = Pose {
        tilt: state.tilt,
        ..Pose::of(&shot.camera)
    };
    place(&mut shot, tilt, &ranges);
    shot.camera.lens = if state.wide { Lens::Wide } else { Lens::Normal };
    shot.prompt = state.prompt.to_string();
    shot.aspect_ratio = state.aspect_ratio;
    set_lora_scale(&mut shot, state.lora_scale, &ranges);
    shot.go_fast = state.go_fast;
    let body = body(&shot, "asset_1");
    format!(
        "{} | {} | {} | {} | {}\n",
        serde_json::to_string(&body).unwrap(),
        directive(&shot),
        describe(&shot.camera),
        download_name("hero sheet.png", &body, "image/webp"),
        set_file_label(body.rotate_degrees, body.vertical_tilt),
    )
}

#[test]
fn bodies_directives_and_names_are_pinned() {
    let mut out = String::new();
    let prompts = ["", "  keep the red hat "];
    let ratios = [
        AspectRatio::MatchInput,
        AspectRatio::Square,
        AspectRatio::Tall9x16,
    ];
    let mut n = 0usize;
    for fine in [false, true] {
        for rotate in [-120, -90, -45, -20, 0, 7, 45, 68, 90, 135] {
            for forward in [-3, 0, 3, 5, 8, 12] {
                for tilt in [-2, -1, 0, 1] {
                    n += 1;
                    let state = PanelState {
                        rotate,
                        forward,
                        tilt,
                        wide: n.is_multiple_of(3),
                        fine,
                        prompt: prompts[n % 2],
                        aspect_ratio: ratios[n % 3],
                        lora_scale: [0.0, 1.25, 2.5, 9.0, -1.0][n % 5],
                        go_fast: n.is_multiple_of(4),
                    };
                    let _ = write!(
                        out,
                        "fine={fine} rotate={rotate} forward={forward} tilt={tilt}: {}",
                        render(&state)
                    );
                }
            }
        }
    }
    check("multiangle_shots.txt", out.as_bytes());
}

#[test]
fn a_set_zip_is_pinned() {
    let mut cards = Vec::new();
    let angles = [
        SetAngle {
            rotate: -90,
            tilt: 0,
        },
        SetAngle {
            rotate: 45,
            tilt: 0,
        },
        SetAngle {
            rotate: 90,
            tilt: 0,
        },
        SetAngle {
            rotate: 0,
            tilt: -1,
        },
        SetAngle {
            rotate: 45,
            tilt: 1,
        },
        SetAngle {
            rotate: 90,
            tilt: 0,
        },
    ];
    for (i, angle) in angles.iter().enumerate() {
        let mut body = GenerateBody::with_defaults("asset_in");
        body.rotate_degrees = angle.rotate;
        body.vertical_tilt = angle.tilt;
        body.move_forward = 5;
        body.prompt = "keep the hat".to_string();
        let mut card = JobCard::new(i as u64 + 1, body, "hero.png", 1_760_000_000_000.0);
        card.job_id = Some(format!("job_{i}"));
        card.result_asset_ids = vec![format!("asset_out_{i}")];
        card.finished_ms = Some(1_760_000_030_000.0 + i as f64 * 1000.0);
        card.base_rotation = 90;
        cards.push(card);
    }
    let results: Vec<(SetAngle, &JobCard, ArchiveImage)> = angles
        .iter()
        .zip(cards.iter())
        .enumerate()
        .map(|(i, (angle, card))| {
            let mime_type = ["image/png", "image/webp", "image/jpeg"][i % 3].to_string();
            (
                *angle,
                card,
                ArchiveImage {
                    bytes: vec![i as u8; 16 + i],
                    mime_type,
                },
            )
        })
        .collect();
    let archive = SetArchive {
        input_name: "hero.png",
        input_asset_id: Some("asset_in"),
        base_rotation: 90,
        created_ms: 1_759_999_990_000.0,
        kind: Default::default(),
    };
    let original = ArchiveImage {
        bytes: b"original".to_vec(),
        mime_type: "image/png".into(),
    };
    check(
        "multiangle_set.zip",
        &archive.build(original, &results).unwrap(),
    );
}
