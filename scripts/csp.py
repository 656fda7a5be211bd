#!/usr/bin/env python3
"""Trunk post_build hook: writes the Content-Security-Policy meta tag into the staged
index.html. Scripts only from this origin plus Trunk's one inline loader, allowed by its
SHA-256 (it changes with every build, hence a hook); wasm needs 'wasm-unsafe-eval';
connect-src only to this origin, Scenario's API and CDN, loopback (the mock server and local
proxies) and whatever ANGLESHOT_CONNECT_SRC adds (a proxy on another origin)."""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

hashes = []
for match in re.finditer(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", html, re.S):
    if "src=" in match.group("attrs") or not match.group("body").strip():
        continue
    digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))

extra = os.environ.get("ANGLESHOT_CONNECT_SRC", "").split()
policy = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    # Leptos sets style="" attributes (compare split, clip paths).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    # A recorded spin is a blob: video (the e2e test plays one back to read its length).
    "media-src 'self' blob:",
    "connect-src 'self' data: blob: https://*.scenario.com http://127.0.0.1:* http://localhost:* "
    + " ".join(extra),
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy.strip()
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
charset = re.search(r"<meta charset=[^>]*>", html, re.I)
if charset is None:
    sys.exit("csp.py: no <meta charset> in index.html")
html = html[: charset.end()] + meta + html[charset.end():]
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print("csp.py: policy written with %d inline script hash(es)" % len(hashes))
