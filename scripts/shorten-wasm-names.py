#!/usr/bin/env python3
"""Gives the names a wasm module and its wasm-bindgen JavaScript glue share short names, in both files.

wasm-bindgen names every import after what it does plus a 16-hex-digit hash
(`__wbg_setAttribute_f75317b2b5cabfb4`), and each closure trampoline it exports after its whole Rust type
(`wasm_bindgen_…___convert__closures_____invoke___…`, some 200 characters). Every name is written twice, in
the module's import or export section and in the glue, and the hashes do not compress: on the phone's first
load about 3 KB after brotli. Names are only how the two files find each other, so each becomes a short
one in both; nothing else changes.

    shorten-wasm-names.py DIR    every NAME_bg.wasm in DIR with its NAME.js beside it

Run after the glue is minified and the custom sections are stripped (the name section would otherwise
keep the old names), before precompressing. It refuses to write anything if a name it would change does
not appear in the glue exactly as often as expected.
"""
import glob
import os
import re
import string
import sys

from wasm_sections import CUSTOM, EXPORT, IMPORT, encode_name, imports, leb128, module, name_at, sections, uleb128

# Exports the glue calls that are worth shortening; `memory`, `main` and the like are left as they are.
LONG_EXPORT = re.compile(r"^(wasm_bindgen_[0-9a-f]+___|__wbindgen_|__externref_)")


def short_names(prefix=""):
    """a, b, …, Z, aa, ab, …: valid JavaScript identifiers, never `__proto__`."""
    letters = string.ascii_letters
    for size in range(1, 4):
        for n in range(len(letters) ** size):
            name = ""
            for _ in range(size):
                n, r = divmod(n, len(letters))
                name = letters[r] + name
            yield prefix + name


def glue_module_of(wasm, path):
    """wasm-bindgen's module name for the glue's imports, `./NAME_bg.js`: the file name before Trunk put
    its hash in it, read from the module itself (the hash has no fixed length: Trunk drops leading zeros)."""
    found = {
        mod
        for section, body in sections(wasm)
        if section == IMPORT
        for mod, _, _ in imports(body)
        if re.fullmatch(r"\./[^/]+_bg\.js", mod)
    }
    if len(found) != 1:
        raise SystemExit(f"{path}: expected imports from one ./NAME_bg.js, found {sorted(found)}")
    return found.pop()


def rewrite_imports(body, glue_module, renames):
    count, _ = leb128(body, 0)
    out = bytearray(uleb128(count))
    names = short_names()
    for mod, field, description in imports(body):
        if mod == glue_module:
            renames.setdefault(field, next(names))
            field = renames[field]
        out += encode_name(mod) + encode_name(field) + description
    return bytes(out)


def rewrite_exports(body, renames):
    count, k = leb128(body, 0)
    out = bytearray(uleb128(count))
    names = short_names("_")
    for _ in range(count):
        field, k = name_at(body, k)
        start = k
        k += 1
        _, k = leb128(body, k)
        if LONG_EXPORT.match(field):
            renames[field] = next(names)
            field = renames[field]
        out += encode_name(field) + body[start:k]
    return bytes(out)


def shorten(wasm, glue_module):
    imports, exports = {}, {}
    parts = []
    for section, body in sections(wasm):
        if section == CUSTOM:
            raise ValueError("custom sections left: run strip-wasm.py first")
        if section == IMPORT:
            body = rewrite_imports(body, glue_module, imports)
        elif section == EXPORT:
            body = rewrite_exports(body, exports)
        parts.append((section, body))
    return module(wasm, parts), imports, exports


def replace_in_glue(js, renames, expect_once):
    """`expect_once`: each name is in the glue exactly once (an import's property); otherwise any number of
    times, none included (an export the glue never calls)."""
    for old, new in renames.items():
        pattern = re.compile(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])")
        found = len(pattern.findall(js))
        if expect_once and found != 1:
            raise ValueError(f"{old}: found {found} times in the glue")
        js = pattern.sub(new, js)
    return js


for directory in sys.argv[1:]:
    for wasm_path in glob.glob(os.path.join(directory, "*_bg.wasm")):
        stem = os.path.basename(wasm_path)[: -len("_bg.wasm")]
        js_path = os.path.join(directory, stem + ".js")
        with open(wasm_path, "rb") as f:
            wasm = f.read()
        glue_module = glue_module_of(wasm, wasm_path)
        with open(js_path, encoding="utf-8") as f:
            js = f.read()
        shortened, imports, exports = shorten(wasm, glue_module)
        if not imports:
            raise SystemExit(f"{wasm_path}: no imports from {glue_module}")
        # An import is one property of the glue's imports object; an export is called by name.
        js = replace_in_glue(js, imports, expect_once=True)
        js = replace_in_glue(js, exports, expect_once=False)
        with open(wasm_path, "wb") as f:
            f.write(shortened)
        with open(js_path, "w", encoding="utf-8") as f:
            f.write(js)
        print(f"{os.path.basename(wasm_path)}: {len(imports)} imports, {len(exports)} exports renamed; "
              f"wasm {len(wasm)} -> {len(shortened)} bytes")
