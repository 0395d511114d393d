"""Reading and writing a wasm module's sections, for the build's post-processing scripts
(strip-wasm.py, shorten-wasm-names.py), which import it from this folder."""

CUSTOM = 0
IMPORT = 2
EXPORT = 7


def leb128(data, i):
    """The unsigned LEB128 number at `data[i]`, and the index after it."""
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb128(value):
    """`value` as unsigned LEB128."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sections(data):
    """The module's sections in order, as (id, body); a ValueError if `data` is not a wasm module."""
    if data[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    i = 8
    while i < len(data):
        section = data[i]
        size, i = leb128(data, i + 1)
        yield section, data[i : i + size]
        i += size


def module(header, parts):
    """A module from the original's 8-byte header and (id, body) sections."""
    out = bytearray(header[:8])
    for section, body in parts:
        out += bytes([section]) + uleb128(len(body)) + body
    return bytes(out)
