"""Drives the mock with Scenario's official Python SDK (scenario-sdk, generated from their
OpenAPI spec) and validates every answer under the SDK's own response types.

Usage: check_mock.py API_BASE KEY SECRET

Each call goes through the SDK's client (its paths, query names, auth and error classes)
and its raw JSON is validated with the call's response type, `Model.model_validate(json)`,
so a failure names the model and the field. Exits non-zero on the first answer
that does not validate, printing what pydantic said.
"""

import base64
import struct
import sys
import time
import zlib

import pydantic
import scenario_sdk
from scenario_sdk.types import (
    AssetGetBulkResponse,
    AssetListResponse,
    AssetRetrieveResponse,
    AssetUploadResponse,
    GenerateRunModelResponse,
    JobListResponse,
    JobRetrieveResponse,
    ModelRetrieveResponse,
)

MODEL_ID = "model_qwen-edit-multiangle"
MODEL_ID_2511 = "model_qwen-edit-multiangle-2511"


def png(width, height):
    """A small opaque PNG, made here (no file needed)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def validated(model, raw, what):
    """Validates `raw` (the answer's JSON) under `model`; exits with pydantic's words if not."""
    try:
        return model.model_validate(raw)
    except pydantic.ValidationError as error:
        print(f"FAIL {what}: the answer does not validate as {model.__name__}:\n{error}")
        sys.exit(1)


def call(what, make):
    """Runs one SDK call through its raw response: (status, JSON, None)."""
    response = make()
    return response.status_code, response.json(), None


def main():
    base, key, secret = sys.argv[1:4]
    client = scenario_sdk.Scenario(
        api_key=key,
        api_secret=secret,
        base_url=base,
        max_retries=0,
    )
    raw = client.with_raw_response
    checked = []

    image = "data:image/png;base64," + base64.b64encode(png(8, 6)).decode()
    _, body, _ = call("upload", lambda: raw.assets.upload(name="chair.png", image=image))
    upload = validated(AssetUploadResponse, body, "upload")
    asset_id = upload.asset.id
    checked.append("upload")

    camera = {"image": asset_id, "rotateDegrees": 45, "moveForward": 0, "verticalTilt": 0}
    status, body, _ = call(
        "dry run", lambda: raw.generate.run_model(MODEL_ID, body=camera, dry_run="true")
    )
    # The spec's one 2xx schema requires `job`, which a dry run's 269 has not: its cost
    # fields are validated under the SDK's own field types instead.
    if status != 269:
        print(f"FAIL dry run: status {status}, not 269")
        sys.exit(1)
    for name, field in GenerateRunModelResponse.model_fields.items():
        alias = field.alias or name
        if alias in body:
            try:
                pydantic.TypeAdapter(field.annotation).validate_python(body[alias])
            except pydantic.ValidationError as error:
                print(f"FAIL dry run: {alias} does not validate:\n{error}")
                sys.exit(1)
    if "creativeUnitsCost" not in body:
        print(f"FAIL dry run: no creativeUnitsCost in {body}")
        sys.exit(1)
    checked.append("dry run")

    _, body, _ = call("generate", lambda: raw.generate.run_model(MODEL_ID, body=camera))
    job_id = validated(GenerateRunModelResponse, body, "generate").job.job_id
    checked.append("generate")

    deadline = time.time() + 30
    while True:
        _, body, _ = call("poll", lambda: raw.jobs.retrieve(job_id))
        job = validated(JobRetrieveResponse, body, "poll").job
        if job.status in ("success", "failure", "canceled"):
            break
        if time.time() > deadline:
            print(f"FAIL poll: the job is still {job.status}")
            sys.exit(1)
        time.sleep(0.2)
    if job.status != "success":
        print(f"FAIL poll: the job ended {job.status}")
        sys.exit(1)
    result_ids = list(job.metadata.asset_ids or [])
    checked.append("poll")

    _, body, _ = call("asset", lambda: raw.assets.retrieve(result_ids[0]))
    validated(AssetRetrieveResponse, body, "asset")
    _, body, _ = call("input asset", lambda: raw.assets.retrieve(asset_id))
    validated(AssetRetrieveResponse, body, "input asset")
    checked.append("asset")

    _, body, _ = call("bulk assets", lambda: raw.assets.get_bulk(asset_ids=[asset_id] + result_ids))
    validated(AssetGetBulkResponse, body, "bulk assets")
    checked.append("bulk assets")

    _, body, _ = call("model", lambda: raw.models.retrieve(MODEL_ID))
    validated(ModelRetrieveResponse, body, "model")
    _, body, _ = call("2511 model", lambda: raw.models.retrieve(MODEL_ID_2511))
    validated(ModelRetrieveResponse, body, "2511 model")
    checked.append("model")

    _, body, _ = call("job list", lambda: raw.jobs.list(page_size=10))
    for listed in body.get("jobs", []):
        validated(JobListResponse, listed, "job list")
    if not body.get("jobs"):
        print(f"FAIL job list: no jobs listed: {body}")
        sys.exit(1)
    checked.append("job list")

    _, body, _ = call("asset list", lambda: raw.assets.list(page_size=10))
    for listed in body.get("assets", []):
        validated(AssetListResponse, listed, "asset list")
    if not body.get("assets"):
        print(f"FAIL asset list: no assets listed: {body}")
        sys.exit(1)
    checked.append("asset list")

    # Cancel: the contract's custom jobs answer 400 "not permitted"; any other answer must
    # validate as a job.
    try:
        _, body, _ = call("cancel", lambda: raw.jobs.trigger_action(job_id, action="cancel"))
        validated(JobRetrieveResponse, body, "cancel")
    except scenario_sdk.BadRequestError as error:
        if "not permitted" not in str(error.body).lower() and "cannot cancel" not in str(error.body).lower():
            print(f"FAIL cancel: an unexpected 400: {error.body}")
            sys.exit(1)
    checked.append("cancel")

    wrong = scenario_sdk.Scenario(
        api_key="wrong", api_secret="wrong", base_url=base, max_retries=0
    )
    try:
        wrong.models.retrieve(MODEL_ID)
        print("FAIL bad key: a wrong key was accepted")
        sys.exit(1)
    except scenario_sdk.AuthenticationError:
        pass
    checked.append("bad key")

    print("validated under scenario-sdk", scenario_sdk.__version__ + ":", ", ".join(checked))


if __name__ == "__main__":
    main()
