#!/usr/bin/env python3
"""Reads HotSpot -XX:+PrintAssembly output (fa-bench/disasm.sh) and prints, for the last full C2 compilation of the
given method (not an on-stack-replacement one), its hottest loop as far as the code shows: the loop with the most FMAs,
or with the most vector instructions when none has an FMA (a packing routine); its instructions and a count by kind.
Usage: hottest-loop.py LISTING PACKAGE.CLASS::METHOD"""
import re
import sys

INSN = re.compile(r"^\s*0x([0-9a-f]+):\s+(\S+)\s*(.*?)\s*$")
JUMP = re.compile(r"^j(?!mp)\w+$")


def kind(mnemonic, operands):
    if mnemonic.startswith("vfmadd") or mnemonic.startswith("vfnmadd"):
        return "fma"
    if mnemonic.startswith("vbroadcast"):
        return "broadcast"
    if mnemonic.startswith("v") and "ptr [" in operands:
        return "vector store" if operands.split(",")[0].count("ptr [") else "vector load"
    if mnemonic.startswith("v"):
        return "other vector"
    if mnemonic == "cmp" or mnemonic == "test" or JUMP.match(mnemonic) or mnemonic == "jmp":
        return "compare/branch"
    if "ptr [" in operands:
        return "scalar memory"
    return "scalar"


def main(path, method):
    cls, name = method.split("::")
    header = re.compile(r"^Compiled method \(c2\)\s+\d+\s+\d+\s+(%?)\s*\d\s+"
                        + re.escape(cls) + "::" + re.escape(name) + r"\b")
    blocks, cur = [], None
    for line in open(path, errors="replace"):
        if line.startswith("Compiled method"):
            m = header.match(line)
            cur = [] if m and not m.group(1) else None
            if cur is not None:
                blocks.append(cur)
            continue
        if cur is not None:
            m = INSN.match(line)
            if m:
                cur.append((int(m.group(1), 16), m.group(2), m.group(3).split(";")[0].strip()))
    if not blocks:
        sys.exit(f"hottest-loop: no C2 compilation of {method} in {path}"
                 " (is the name right, and did the shape call it?)")
    code = blocks[-1]
    index = {addr: i for i, (addr, _, _) in enumerate(code)}
    best = None
    for i, (addr, mn, ops) in enumerate(code):
        target = re.match(r"^0x([0-9a-f]+)$", ops)
        if JUMP.match(mn) and target:
            dest = int(target.group(1), 16)
            if dest < addr and dest in index:
                body = code[index[dest]:i + 1]
                kinds = [kind(m, o) for _, m, o in body]
                fmas = kinds.count("fma")
                vector = sum(1 for k in kinds if k not in ("scalar", "scalar memory", "compare/branch"))
                # Most FMAs, else most vector instructions; of equals the shortest, the inner loop rather than the
                # strip-mined outer loop around it (C2 adds one with a safepoint poll every thousand or so steps).
                score = (fmas, 0 if fmas else vector, -len(body))
                if best is None or score > best[0]:
                    best = (score, body)
    print(f"{method}: last C2 compilation, {len(code)} instructions")
    if best is None or best[0][:2] == (0, 0):
        print("no loop with a vector instruction in it")
        return
    print(f"hottest loop: {len(best[1])} instructions")
    for addr, mn, ops in best[1]:
        print(f"  {addr:#x}  {mn:<14} {ops}")
    counts = {}
    for _, mn, ops in best[1]:
        k = kind(mn, ops)
        counts[k] = counts.get(k, 0) + 1
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
