#!/usr/bin/env python3
"""Writes the home screen into the built index.html as plain HTML, in English and in Welsh, so a phone on
one bar of signal shows it (and its links work) while the wasm is still on its way.

The words come from the translation files (i18n/{en,cy}/app.json) and the markup follows the app's own
(`components/layout.rs` around `pages/home.rs`). Each language is a `<template>`; a script right after them
puts the one in the page's language (set by the head script from the device's last choice, as the app
chooses it) into the page, on `/` only, so there is never a flash of the other language and no two
elements share an id; a page the service worker answers goes without it (see PUT). The app empties the
body just before it mounts (`main.rs`), replacing it with the same screen in the same place. The language
link works before the app does: the head script reads `?lang=`. tests/e2e/first-screen.test.mjs compares
this screen, with the wasm blocked, with the app's, in both languages.

Usage: first-screen.py DIST_DIR (run by scripts/post-build.sh on the first-load page only).
"""
import html
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARK = "<body>"
# The head script has set <html lang> to "en" or "cy"; nothing else than `/` is the home screen. A page the
# service worker answers has its wasm on the device: the app draws the screen itself a moment later, so
# drawing this one first would only cost the slow phone's main thread a layout and a paint before the app
# can start (measured by scripts/bench.sh: usable warm about 70 ms sooner without it) and swap one
# screen for the other.
PUT = (
    '<script>if(location.pathname==="/"&&!(navigator.serviceWorker&&navigator.serviceWorker.controller))'
    'document.body.append(document.getElementById("first-"+document.documentElement.lang).content)</script>'
)


def words(lang):
    return json.loads((ROOT / "i18n" / lang / "app.json").read_text(encoding="utf-8"))


def screen(lang):
    t = {k: html.escape(v) for k, v in words(lang).items()}
    other, other_name = ("cy", words("cy")["language.welsh"]) if lang == "en" else ("en", words("en")["language.english"])
    # The status strip keeps its height with no words: what waits is known only once the app reads the device.
    return (
        f'<template id="first-{lang}">'
        f'<a class="skip-link" href="#main">{t["layout.skip_to_content"]}</a>'
        f'<header class="site-header"><a href="/" class="brand">{t["app.name"]}</a>'
        f'<nav class="header-actions" aria-label="{t["layout.nav_label"]}">'
        f'<a href="/?lang={other}" class="lang-switch" lang="{other}">{html.escape(other_name)}</a>'
        f'<a href="/help" class="help-link">{t["help.link"]}</a></nav></header>'
        '<div class="status-strip"><div class="status-row"><p class="status-text">\u00a0</p></div></div>'
        '<main id="main"><section class="page home">'
        f'<h1 tabindex="-1">{t["home.title"]}</h1><p class="lead">{t["home.intro"]}</p><div class="choices">'
        f'<a href="/say" class="choice choice-say"><span class="choice-title">{t["home.say"]}</span>'
        f'<span class="choice-hint">{t["home.say_hint"]}</span></a>'
        f'<a href="/rate" class="choice choice-rate"><span class="choice-title">{t["home.rate"]}</span>'
        f'<span class="choice-hint">{t["home.rate_hint"]}</span></a>'
        f'<a href="/surveys" class="choice choice-survey"><span class="choice-title">{t["home.surveys"]}</span></a>'
        f'</div><p><a href="/what-changed" class="text-target">{t["what_changed.title"]}</a></p>'
        f'<p class="hint">{t["home.anonymous"]}</p></section></main>'
        f'<nav class="site-footer" aria-label="{t["footer.nav_label"]}">'
        f'<a href="/privacy">{t["privacy.title"]}</a><a href="/accessibility">{t["accessibility.title"]}</a></nav>'
        '</template>'
    )


def main():
    page = pathlib.Path(sys.argv[1]) / "index.html"
    text = page.read_text(encoding="utf-8")
    if MARK not in text or 'id="first-en"' in text:
        sys.exit(f"{page}: no {MARK} to write the first screen after, or written already")
    block = screen("en") + screen("cy") + PUT

    page.write_text(text.replace(MARK, MARK + block, 1), encoding="utf-8")


if __name__ == "__main__":
    main()
