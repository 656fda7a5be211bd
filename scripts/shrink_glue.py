#!/usr/bin/env python3
"""Trunk post_build hook, before csp.py and sw.py: makes the wasm-bindgen glue smaller.

1. Renames the JS functions the wasm imports. wasm-bindgen names each one like
   `__wbg_setAttribute_7bd4ee9fd2e3ab4f`: 236 names whose 16 hex digits no compressor can
   shrink, written once in the wasm and twice in the JS. They become `a`, `b`, … in both.
2. Minifies the JS with terser (wasm-bindgen's output is unminified; Trunk leaves it so).
3. Heads the JS with V8's explicit compile hint `//# allFunctionsCalledOnLoad`: the glue's
   functions are nearly all called while the first screen is built, and Chrome (136+) then
   compiles them on a background thread while the file streams in, instead of one by one on
   the main thread at their first call. Measured at CPU x4: the first screen's DOM built
   ~10-20 ms sooner (alternating cold loads, 12 of each, twice).
4. Writes the files' new SRI hashes into index.html, so the preloads still match (with a
   stale hash on the JS the app does not start: every e2e test would fail; Chrome ignores
   the hash on the wasm's `as=fetch` preload, but it is kept true all the same).

Together −7 KB brotli of the ~212 KB the first visit downloads (measured on this build).
Any surprise in the files' shape stops the build: a half-renamed pair would not start.
"""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
tools = os.environ.get("ANGLESHOT_TOOLS", os.path.expanduser("~/.cache/angleshot-tools"))
TERSER = os.path.join(tools, "node_modules", ".bin", "terser")
# Object keys may be keywords, but keep the names plainly safe anywhere.
KEYWORDS = {"do", "if", "in"}
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"


def fail(message):
    sys.exit("shrink_glue.py: " + message)


def read_leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def short_names():
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = 0
    while True:
        name, k = "", n
        while True:
            name = letters[k % 52] + name
            k //= 52
            if k == 0:
                break
            k -= 1
        n += 1
        if name not in KEYWORDS:
            yield name


def import_entries(body):
    """(module, name, descriptor bytes) of each entry of an import section's body."""
    count, at = read_leb(body, 0)
    entries = []
    for _ in range(count):
        length, at = read_leb(body, at)
        module = body[at:at + length].decode()
        at += length
        length, at = read_leb(body, at)
        name = body[at:at + length].decode()
        at += length
        start = at
        kind = body[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = read_leb(body, at)
        elif kind in (1, 2):  # table (element type, limits) or memory (limits)
            if kind == 1:
                at += 1
            flags, at = read_leb(body, at)
            _, at = read_leb(body, at)
            if flags & 1:
                _, at = read_leb(body, at)
        elif kind == 3:  # global: value type, mutability
            at += 2
        elif kind == 4:  # tag: attribute, type index
            at += 1
            _, at = read_leb(body, at)
        else:
            fail("unknown import kind %d" % kind)
        entries.append((module, name, body[start:at]))
    if at != len(body):
        fail("import section not read to its end")
    return entries


def rename_imports(wasm, module):
    """The wasm with `module`'s imports renamed, and the renaming."""
    if wasm[:8] != b"\0asm\1\0\0\0":
        fail("not a wasm module")
    out, at, renamed = bytearray(wasm[:8]), 8, {}
    while at < len(wasm):
        section = wasm[at]
        size, body_at = read_leb(wasm, at + 1)
        body = wasm[body_at:body_at + size]
        if section == 2:
            names = short_names()
            entries = import_entries(body)
            new_body = bytearray(leb(len(entries)))
            for entry_module, name, descriptor in entries:
                if entry_module == module:
                    name = renamed.setdefault(name, next(names))
                for text in (entry_module, name):
                    raw = text.encode()
                    new_body += leb(len(raw)) + raw
                new_body += descriptor
            out += bytes([2]) + leb(len(new_body)) + new_body
        else:
            out += wasm[at:body_at + size]
        at = body_at + size
    return bytes(out), renamed


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def set_integrity(html, name, digest):
    """index.html with the SRI hash of each <link> to `name` replaced by `digest`."""
    def fix(tag):
        text = tag.group(0)
        if name not in text:
            return text
        return re.sub(r'integrity=("?)sha384-[A-Za-z0-9+/=]+',
                      lambda m: "integrity=" + m.group(1) + digest, text)
    return re.sub(r"<link\b[^>]*>", fix, html)


def main():
    wasms = glob.glob(os.path.join(staging, "*_bg.wasm"))
    if len(wasms) != 1:
        fail("expected one *_bg.wasm in %s, found %d" % (staging, len(wasms)))
    wasm_path = wasms[0]
    js_path = wasm_path[: -len("_bg.wasm")] + ".js"
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    with open(js_path, encoding="utf-8") as f:
        js = f.read()

    # The module name wasm-bindgen gives the glue, e.g. "./angleshot_bg.js": the JS says it.
    modules = set(re.findall(r'"(\./[\w.-]+_bg\.js)":', js))
    if len(modules) != 1:
        fail("the JS names %d glue modules, expected 1" % len(modules))
    new_wasm, renamed = rename_imports(wasm, modules.pop())
    if not renamed:
        fail("no imports to rename")

    def replace(match):
        return renamed.get(match.group(0), match.group(0))

    new_js = re.sub(r"(?<![\w$])__wb(?:g|indgen)_[\w$]+", replace, js)
    missing = [old for old in renamed if old in new_js or not re.search(
        r"(?<![\w$])%s\s*:" % re.escape(renamed[old]), new_js)]
    if missing:
        fail("imports not found as keys in the JS: %s" % ", ".join(missing[:5]))

    if not os.path.exists(TERSER):
        fail("%s is missing (run scripts/install-tools.sh)" % TERSER)
    with open(wasm_path, "wb") as f:
        f.write(new_wasm)
    with open(js_path, "w", encoding="utf-8") as f:
        f.write(new_js)
    subprocess.run([TERSER, js_path, "--module", "--compress", "--mangle", "-o", js_path],
                   check=True)
    # After terser, which drops comments: V8 reads the hint only as the file's first line.
    with open(js_path, encoding="utf-8") as f:
        minified = f.read()
    with open(js_path, "w", encoding="utf-8") as f:
        f.write(COMPILE_HINT + minified)

    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    for path in (wasm_path, js_path):
        with open(path, "rb") as f:
            html = set_integrity(html, os.path.basename(path), sri(f.read()))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print("shrink_glue.py: %d imports renamed, wasm %d → %d bytes, JS %d → %d bytes" % (
        len(renamed), len(wasm), len(new_wasm), len(js), os.path.getsize(js_path)))


main()
