//! The seed model in words: the directive it reads before the prompt (the upstream demos'
//! English wording), the pose described for cards and screen readers, and the file names
//! that carry its values.

use super::{Pose, lens_of, pose_of};
use crate::api::types::GenerateBody;
use crate::domain::camera::{Camera, Lens};
use crate::domain::shot::Shot;
use crate::util::math::fold_degrees;

/// Shown when nothing moves.
pub const NO_MOVEMENT: &str = "no camera movement";

/// The directive for `shot`, followed by its prompt when it has one.
pub fn directive(shot: &Shot) -> String {
    let pose = Pose::of(&shot.camera);
    let mut parts: Vec<String> = Vec::new();
    match pose.rotate {
        0 => {}
        r if r > 0 => parts.push(format!("Rotate the camera {r} degrees to the left.")),
        r => parts.push(format!("Rotate the camera {} degrees to the right.", -r)),
    }
    if pose.forward > 5 {
        parts.push("Turn the camera to a close-up.".to_string());
    } else if pose.forward >= 1 {
        parts.push("Move the camera forward.".to_string());
    }
    if pose.tilt <= -1 {
        parts.push("Turn the camera to a bird's-eye view.".to_string());
    } else if pose.tilt >= 1 {
        parts.push("Turn the camera to a worm's-eye view.".to_string());
    }
    if shot.camera.lens == Lens::Wide {
        parts.push("Turn the camera to a wide-angle lens.".to_string());
    }
    let prompt = shot.prompt.trim();
    if !prompt.is_empty() {
        parts.push(prompt.to_string());
    }
    if parts.is_empty() {
        NO_MOVEMENT.to_string()
    } else {
        parts.join(" ")
    }
}

/// The camera in words: "45° to the left, eye level, close-up, wide-angle".
pub fn describe(camera: &Camera) -> String {
    describe_pose(Pose::of(camera), camera.lens)
}

/// The words of [`describe`] for a body as sent.
pub fn describe_body(body: &GenerateBody) -> String {
    describe_pose(pose_of(body), lens_of(body))
}

fn describe_pose(pose: Pose, lens: Lens) -> String {
    let rotate = match pose.rotate {
        0 => "front".to_string(),
        r if r > 0 => format!("{r}° to the left"),
        r => format!("{}° to the right", -r),
    };
    let tilt = match pose.tilt {
        t if t < 0 => "top-down",
        0 => "eye level",
        _ => "low angle",
    };
    let distance = match pose.forward {
        0 => "full view".to_string(),
        f if f > 5 => "close-up".to_string(),
        f => format!("{f} steps closer"),
    };
    let mut words = vec![rotate, tilt.to_string(), distance];
    if lens == Lens::Wide {
        words.push("wide-angle".to_string());
    }
    words.join(", ")
}

/// `<stem>_rot±N_fwdN_tiltN[_wide].<ext>`; rotate always signed (+ is the camera to the left).
///
/// ```
/// use angleshot::api::types::GenerateBody;
/// use angleshot::domain::profile::multiangle::download_name;
/// let mut body = GenerateBody::with_defaults("asset_1");
/// body.rotate_degrees = 45;
/// body.use_wide_angle = true;
/// assert_eq!(download_name("Chair.final.png", &body, "image/png"), "Chair.final_rot+45_fwd0_tilt0_wide.png");
/// ```
pub fn download_name(input_name: &str, body: &GenerateBody, mime_type: &str) -> String {
    let rotate = body.rotate_degrees;
    let rot = if rotate > 0 {
        format!("+{rotate}")
    } else {
        rotate.to_string()
    };
    format!(
        "{}_rot{rot}_fwd{}_tilt{}{}.{}",
        crate::domain::naming::stem(input_name),
        body.move_forward,
        body.vertical_tilt,
        if body.use_wide_angle { "_wide" } else { "" },
        crate::domain::naming::extension(mime_type)
    )
}

/// "top-down", nothing at eye level, "low angle".
pub fn tilt_words(tilt: i32) -> Option<&'static str> {
    match tilt {
        t if t < 0 => Some("top-down"),
        0 => None,
        _ => Some("low angle"),
    }
}

/// The angle in a set file's name, without `+` or spaces (safe in every file system and
/// shell): `front`, `45-left`, `90-right`, `180-back`, `top-down`, `45-left_low-angle`.
///
/// ```
/// use angleshot::domain::profile::multiangle::set_file_label;
/// assert_eq!(set_file_label(45, 0), "45-left");
/// assert_eq!(set_file_label(0, -1), "top-down");
/// assert_eq!(set_file_label(-270, 1), "90-left_low-angle");
/// ```
pub fn set_file_label(total_rotation: i32, tilt: i32) -> String {
    let turn = match fold_degrees(total_rotation) {
        0 => None,
        180 => Some("180-back".to_string()),
        r if r > 0 => Some(format!("{r}-left")),
        r => Some(format!("{}-right", -r)),
    };
    let tilt = tilt_words(tilt).map(|t| t.replace(' ', "-"));
    match (turn, tilt) {
        (None, None) => "front".to_string(),
        (Some(turn), None) => turn,
        (None, Some(tilt)) => tilt,
        (Some(turn), Some(tilt)) => format!("{turn}_{tilt}"),
    }
}

/// A body's parameters as the stage lists them: the model's own names and values as sent.
///
/// ```
/// use angleshot::api::types::GenerateBody;
/// use angleshot::domain::profile::multiangle::parameters;
/// let rows = parameters(&GenerateBody::with_defaults("asset_1"));
/// assert_eq!(rows[0], ("rotateDegrees", "0".to_string()));
/// ```
pub fn parameters(body: &GenerateBody) -> Vec<(&'static str, String)> {
    let on_off = |on: bool| if on { "on" } else { "off" }.to_string();
    let mut rows = vec![
        ("rotateDegrees", body.rotate_degrees.to_string()),
        ("moveForward", body.move_forward.to_string()),
        ("verticalTilt", body.vertical_tilt.to_string()),
        ("useWideAngle", on_off(body.use_wide_angle)),
        ("aspectRatio", body.aspect_ratio.as_wire().to_string()),
        (
            "loraScale",
            crate::util::math::Decimal(body.lora_scale).to_string(),
        ),
        ("goFast", on_off(body.go_fast)),
    ];
    if !body.prompt.is_empty() {
        rows.push(("prompt", body.prompt.clone()));
    }
    rows
}
