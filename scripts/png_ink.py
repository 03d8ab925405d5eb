#!/usr/bin/env python3
"""How much of a screenshot is drawn: decodes a PNG with the standard library alone (zlib, the
five PNG row filters; 8-bit greyscale, RGB or RGBA, not interlaced) and prints, as JSON, its size,
its background (the most common colour), the share of pixels that differ from it by more than a
faint anti-aliasing step, and the share of rows holding any such pixel. The page tests call a
screenshot blank below a threshold, so a page that draws nothing fails."""
import json
import struct
import sys
import zlib
from collections import Counter

CHANNELS = {0: 1, 2: 3, 6: 4}
# A difference of more than this in any channel is ink, not a rounding of the background.
THRESHOLD = 24


def add(a, b):
    """Byte-wise sum modulo 256 of two equal-length byte strings, in one big-integer step."""
    n = len(a)
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return (((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(n, "big")


def unfilter(kind, line, previous, step):
    if kind == 0:
        return line
    if kind == 2:
        return bytearray(add(line, previous))
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        else:
            up, corner = previous[i], previous[i - step] if i >= step else 0
            estimate = left + up - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
    return line


def rows(path):
    """The image's size, its bytes per pixel and its rows of raw bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    position, idat, header = 8, bytearray(), None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    step = CHANNELS[colour]
    stride = width * step
    raw = zlib.decompress(bytes(idat))
    previous, out = bytearray(stride), []
    for y in range(height):
        start = y * (stride + 1)
        previous = unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous, step)
        out.append(bytes(previous))
    return width, height, step, out


def main(path):
    width, height, step, lines = rows(path)
    colours = min(step, 3)
    sample = Counter(tuple(line[x:x + colours]) for line in lines[::8] for x in range(0, len(line), step * 16))
    background = sample.most_common(1)[0][0]
    # Per channel, 1 where a byte is far from the background's value.
    far = [bytes(int(abs(v - background[c]) > THRESHOLD) for v in range(256)) for c in range(colours)]
    inked_pixels = inked_rows = 0
    for line in lines:
        flags = 0
        for c in range(colours):
            flags |= int.from_bytes(line[c::step].translate(far[c]), "big")
        count = bin(flags).count("1")
        inked_pixels += count
        inked_rows += count > 0
    print(json.dumps({
        "width": width, "height": height, "background": list(background),
        "ink": inked_pixels / (width * height), "inkedRows": inked_rows / height,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
