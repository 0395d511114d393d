#!/usr/bin/env python3
"""Removes the custom sections (producers, target features, wasm-bindgen's markers) from wasm modules.

Browsers ignore them; on the phone's first load they cost about 150 bytes after brotli. wasm-opt can strip
some of them, but it re-encodes the module, which came out larger than the module it was given.
    strip-wasm.py FILE.wasm...
"""
import sys

from wasm_sections import CUSTOM, module, sections


def strip(data):
    return module(data, ((section, body) for section, body in sections(data) if section != CUSTOM))


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(strip(data))
