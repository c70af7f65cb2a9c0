#!/usr/bin/env python3
"""Primitive arrays of a heap dump by element type and length: where the bytes of [B, [J and [I go.

Usage: bench/hprof-arrays.py dump.hprof [top rows per type, default 15]
(a dump from `DUMP=file bench/heap.sh`). Reads HPROF 1.0.2 heap dump segments; prints, per array type, the lengths
that hold the most bytes (count, bytes, share), and the share of all primitive-array bytes per type.
"""
import collections
import struct
import sys

SIZES = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}  # boolean char float double byte short int long
NAMES = {4: "boolean[]", 5: "char[]", 6: "float[]", 7: "double[]", 8: "byte[]", 9: "short[]", 10: "int[]",
         11: "long[]"}


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    with open(path, "rb") as f:
        data = f.read()
    header_end = data.index(b"\0") + 1
    id_size = struct.unpack(">I", data[header_end:header_end + 4])[0]
    pos = header_end + 12
    idfmt = ">Q" if id_size == 8 else ">I"
    counts = collections.defaultdict(collections.Counter)  # type -> length -> count
    obj_arrays = collections.Counter()
    while pos < len(data):
        tag = data[pos]
        length = struct.unpack(">I", data[pos + 5:pos + 9])[0]
        body = pos + 9
        if tag in (0x0C, 0x1C):
            scan_segment(data, body, body + length, id_size, counts, obj_arrays)
        pos = body + length
    totals = {t: sum(n * SIZES[t] * c for n, c in lens.items()) for t, lens in counts.items()}
    allbytes = sum(totals.values())
    for t in sorted(totals, key=totals.get, reverse=True):
        lens = counts[t]
        print(f"{NAMES[t]}: {sum(lens.values())} arrays, {totals[t] / 1e6:.1f} MB of elements "
              f"({100 * totals[t] / allbytes:.0f}% of primitive-array bytes; +16 B header each)")
        rows = sorted(lens.items(), key=lambda kv: kv[0] * SIZES[t] * kv[1] + 16 * kv[1], reverse=True)
        for n, c in rows[:top]:
            print(f"  length {n:6d}: {c:8d} arrays, {(n * SIZES[t] + 16) * c / 1e6:7.2f} MB")
    print(f"Object[] by length (top {top}):")
    for n, c in obj_arrays.most_common(top):
        print(f"  length {n:6d}: {c:8d} arrays")


def scan_segment(data, pos, end, id_size, counts, obj_arrays):
    idn = id_size
    fixed = {0xFF: idn, 0x01: 2 * idn, 0x02: idn + 8, 0x03: idn + 8, 0x04: idn + 4, 0x05: idn, 0x06: idn + 4,
             0x07: idn, 0x08: idn + 8, 0x89: idn, 0x8A: idn, 0x8B: idn, 0x8C: idn, 0x8D: idn, 0x8E: idn + 8,
             0x90: idn, 0xC3: idn + 4, 0xFE: 4 + idn}
    while pos < end:
        sub = data[pos]
        pos += 1
        if sub in fixed:
            pos += fixed[sub]
        elif sub == 0x20:  # class dump
            pos += idn + 4 + 6 * idn + 4
            cp = struct.unpack(">H", data[pos:pos + 2])[0]
            pos += 2
            for _ in range(cp):
                pos += 2
                t = data[pos]
                pos += 1 + (idn if t == 2 else SIZES[t])
            ns = struct.unpack(">H", data[pos:pos + 2])[0]
            pos += 2
            for _ in range(ns):
                pos += idn
                t = data[pos]
                pos += 1 + (idn if t == 2 else SIZES[t])
            ni = struct.unpack(">H", data[pos:pos + 2])[0]
            pos += 2 + ni * (idn + 1)
        elif sub == 0x21:  # instance dump
            pos += idn + 4 + idn
            n = struct.unpack(">I", data[pos:pos + 4])[0]
            pos += 4 + n
        elif sub == 0x22:  # object array
            pos += idn + 4
            n = struct.unpack(">I", data[pos:pos + 4])[0]
            pos += 4 + idn + n * idn
            obj_arrays[n] += 1
        elif sub == 0x23:  # primitive array
            pos += idn + 4
            n, t = struct.unpack(">IB", data[pos:pos + 5])
            pos += 5 + n * SIZES[t]
            counts[t][n] += 1
        else:
            raise ValueError(f"unknown heap dump sub-record 0x{sub:02x} at {pos - 1}")


if __name__ == "__main__":
    main()
