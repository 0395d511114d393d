#!/usr/bin/env python3
"""Removes the custom sections (producers, target features, wasm-bindgen's markers) from wasm modules.

Browsers ignore them; on the phone's first load they cost about 150 bytes after brotli. wasm-opt can strip
some of them, but it re-encodes the module, which came out larger than the module it was given.
    strip-wasm.py FILE.wasm...
"""
import sys


def leb128(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def strip(data):
    if data[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    out, i = bytearray(data[:8]), 8
    while i < len(data):
        start, section = i, data[i]
        size, i = leb128(data, i + 1)
        end = i + size
        if section != 0:  # 0: a custom section
            out += data[start:end]
        i = end
    return bytes(out)


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(strip(data))
