"""Reading and writing a wasm module's sections, for the build's post-processing scripts
(strip-wasm.py, shorten-wasm-names.py) and their tests, which import it from this folder."""

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


def name_at(data, i):
    """The name (a length, then UTF-8) at `data[i]`, and the index after it."""
    length, i = leb128(data, i)
    return data[i : i + length].decode(), i + length


def encode_name(name):
    """`name` as the module writes names: its length, then its UTF-8."""
    raw = name.encode()
    return uleb128(len(raw)) + raw


def skip_import_desc(body, k):
    """The index after the import description (what is imported: its kind and type) at `body[k]`."""
    kind = body[k]
    k += 1
    if kind == 0:  # function: type index
        _, k = leb128(body, k)
    elif kind == 1:  # table: element type, limits
        k += 1
        flags = body[k]
        k += 1
        _, k = leb128(body, k)
        if flags & 1:
            _, k = leb128(body, k)
    elif kind == 2:  # memory: limits
        flags = body[k]
        k += 1
        _, k = leb128(body, k)
        if flags & 1:
            _, k = leb128(body, k)
    elif kind == 3:  # global: value type, mutability
        k += 2
    elif kind == 4:  # tag: attribute, type index
        k += 1
        _, k = leb128(body, k)
    else:
        raise ValueError(f"unknown import kind {kind}")
    return k


def imports(body):
    """Each import of an import section's body, in order, as (module, field, the description's bytes)."""
    count, k = leb128(body, 0)
    for _ in range(count):
        mod, k = name_at(body, k)
        field, k = name_at(body, k)
        start = k
        k = skip_import_desc(body, k)
        yield mod, field, body[start:k]
