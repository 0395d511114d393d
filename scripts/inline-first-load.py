#!/usr/bin/env python3
"""Puts the phone's stylesheet, wasm-bindgen's JavaScript glue and the app's words into index.html itself,
and the wasm's preload link first in the page, so a phone on one bar of signal waits for one round trip
fewer and downloads a smaller wasm.

Why: every request on the slow phone waits about 400 ms before its first byte. The page, the stylesheet,
the glue and the wasm used to come in two rounds: the page, then the other three once the page was read.
The server now names the wasm in a `Link` header of the page (`server/src/routes/preload.rs`), so the
browser asks for it as soon as the page's headers arrive; the stylesheet and the glue then come with the
page, in the time the wasm's request waits for its first byte, instead of sharing the wasm's bandwidth.
The first screen (scripts/first-screen.py) is drawn with no second request at all.
scripts/bench.sh measures it: usable, cold, on the slow-phone profile.

What it does to index.html, as Trunk wrote it:
- the stylesheet's `<link rel=stylesheet>` becomes a `<style>` with the file's text; the server allows
  it by hash (`server/src/security.rs`), as it does the inline scripts;
- Trunk's start-up `<script type=module>` (which imported the glue) becomes one inline module script: the
  glue without its `export` statement, then the same call that starts the wasm; the glue's
  `<link rel=modulepreload>` goes;
- the wasm's `<link rel=preload>` moves to just after `<meta charset>`, for a browser that ignores the
  header;
- the app's words (`i18n/{en,cy}/app.json`) go at the end of the body, in a `<script type=text/plain
  id=words>`, which the phone's bundle (feature `words-in-page`) reads instead of carrying them: every
  English word, then every Welsh one, in the order of the keys' bytes (as build.rs orders `Key::ALL`),
  one per line. After the first screen, so that is drawn first.
The stylesheet and the glue are then deleted from the folder: nothing else names them, and the service
worker's file list (written next) must not ask for them.

Usage: inline-first-load.py DIST_DIR [I18N_DIR] (run by scripts/post-build.sh after shorten-wasm-names.py,
which renames the glue's imports, and first-screen.py; I18N_DIR defaults to the repository's i18n/).
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

STYLESHEET = re.compile(r'<link data-integrity=none href=/([A-Za-z0-9._-]+\.css) rel=stylesheet>')
START = re.compile(r"<script type=module>import init, \* as bindings from '/([A-Za-z0-9._-]+\.js)';(.*?)</script>", re.S)
WASM = re.compile(r"module_or_path: '(/[A-Za-z0-9._-]+\.wasm)'")
MODULE_PRELOAD = re.compile(r"<link crossorigin href=/[A-Za-z0-9._-]+\.js rel=modulepreload>")
WASM_PRELOAD = re.compile(r"<link as=fetch crossorigin href=/[A-Za-z0-9._-]+\.wasm rel=preload type=application/wasm>")
# terser ends the glue with one export statement: `export{W as initSync,k as default};`
EXPORTS = re.compile(r"export\{([^}]*)\};?\s*$")
CHARSET = "<meta charset=utf-8>"
BODY_END = "</body>"
WORDS_AREA = "app"


def words_block(i18n):
    """The app's words for the page: English then Welsh, in the order of the keys' bytes, one per line."""
    tables = [json.loads((i18n / lang / f"{WORDS_AREA}.json").read_text(encoding="utf-8")) for lang in ("en", "cy")]
    keys = sorted(tables[0], key=lambda k: k.encode())
    if sorted(tables[1], key=lambda k: k.encode()) != keys:
        sys.exit(f"inline-first-load: {WORDS_AREA}.json has different keys in English and Welsh")
    words = [table[key] for table in tables for key in keys]
    for word in words:
        if "\n" in word or "\r" in word or "</script" in word.lower() or "<!--" in word:
            sys.exit(f"inline-first-load: a word cannot go into the page as it is: {word!r}")
    return "<script type=text/plain id=words>" + "\n".join(words) + "</script>"


def one(pattern, text, what):
    found = list(pattern.finditer(text))
    if len(found) != 1:
        sys.exit(f"inline-first-load: expected one {what} in index.html, found {len(found)}")
    return found[0]


def main(dist, i18n=ROOT / "i18n"):
    page_path = dist / "index.html"
    page = page_path.read_text(encoding="utf-8")

    sheet = one(STYLESHEET, page, "stylesheet link")
    sheet_path = dist / sheet.group(1)
    css = sheet_path.read_text(encoding="utf-8").strip()
    if "</style" in css.lower():
        sys.exit("inline-first-load: the stylesheet contains </style")
    page = page.replace(sheet.group(0), f"<style>{css}</style>")

    start = one(START, page, "start-up module script")
    glue_path = dist / start.group(1)
    glue = glue_path.read_text(encoding="utf-8").strip()
    exports = EXPORTS.search(glue)
    if not exports:
        sys.exit("inline-first-load: the glue does not end with one export statement (is it minified?)")
    names = {}
    for item in exports.group(1).split(","):
        local, _, exported = item.partition(" as ")
        names[exported.strip() or local.strip()] = local.strip()
    wasm = one(WASM, start.group(2), "wasm path in the start-up script").group(1)
    script = f"{glue[: exports.start()]}await {names['default']}({{module_or_path:'{wasm}'}})"
    if "</script" in script.lower():
        sys.exit("inline-first-load: the glue contains </script")
    page = page.replace(start.group(0), f"<script type=module>{script}</script>")
    page = page.replace(one(MODULE_PRELOAD, page, "modulepreload link").group(0), "")

    preload = one(WASM_PRELOAD, page, "wasm preload link").group(0)
    if CHARSET not in page:
        sys.exit(f"inline-first-load: no {CHARSET} in index.html")
    page = page.replace(preload, "").replace(CHARSET, CHARSET + preload, 1)

    if page.count(BODY_END) != 1:
        sys.exit(f"inline-first-load: expected one {BODY_END} in index.html")
    page = page.replace(BODY_END, words_block(i18n) + BODY_END)

    page_path.write_text(page, encoding="utf-8")
    sheet_path.unlink()
    glue_path.unlink()


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), *(pathlib.Path(a) for a in sys.argv[2:3]))
