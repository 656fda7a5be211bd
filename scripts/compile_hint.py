#!/usr/bin/env python3
"""Trunk post_build hook, before csp.py and sw.py: heads the wasm-bindgen glue with V8's
explicit compile hint `//# allFunctionsCalledOnLoad` and writes the file's new SRI hash into
index.html (with a stale hash the app would not start).

Why: the glue's functions are nearly all called while the first screen is built; with the
hint Chrome compiles them on a background thread while the file streams in, instead of one
by one on the main thread (docs/decisions/0002-wasm-bindgen-output-as-it-comes.md).
"""
import base64
import glob
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"


def fail(message):
    sys.exit("compile_hint.py: " + message)


def main():
    glue = [p for p in glob.glob(os.path.join(staging, "*.js"))
            if os.path.exists(p[: -len(".js")] + "_bg.wasm")]
    if len(glue) != 1:
        fail("expected one wasm-bindgen glue file in %s, found %d" % (staging, len(glue)))
    with open(glue[0], encoding="utf-8") as f:
        js = f.read()
    if not js.startswith(COMPILE_HINT):
        js = COMPILE_HINT + js
    with open(glue[0], "w", encoding="utf-8") as f:
        f.write(js)
    digest = "sha384-" + base64.b64encode(hashlib.sha384(js.encode("utf-8")).digest()).decode()
    name = os.path.basename(glue[0])
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()

    def fix(tag):
        text = tag.group(0)
        if name not in text:
            return text
        return re.sub(r'integrity=("?)sha384-[A-Za-z0-9+/=]+',
                      lambda m: "integrity=" + m.group(1) + digest, text)

    fixed = re.sub(r"<link\b[^>]*>", fix, html)
    if digest not in fixed:
        fail("no <link> with an integrity hash names %s" % name)
    with open(index, "w", encoding="utf-8") as f:
        f.write(fixed)
    print("compile_hint.py: %s headed with the compile hint" % name)


main()
