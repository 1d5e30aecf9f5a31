#!/usr/bin/env python3
"""Writes build/startup-order.txt: the functions of the jgrid binary that run
at start-up and in everyday use, the start-up ones first. build.rs hands the
list to the linker, which puts those functions next to each other, so the
kernel maps less of the program's code (see BENCHMARKS.md, "Peak memory").

Needs valgrind and tmux. Run it after `cargo build --release` whenever the
code changed much, or the Rust version or the dependencies changed (the
list names functions as the linker sees them, mangled, and a name that no
longer matches is skipped):

    cargo build --release && python3 bench/startup_order.py && cargo build --release

`python3 bench/startup_order.py --check` says how many listed functions the
built binary has.
"""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target/release/jgrid"
OUT = ROOT / "build/startup-order.txt"

# Start-up and what ptybench does: moves, typing in a cell, paging, quitting.
STARTUP = ["l"] * 5 + ["j"] * 4 + ["i"] + list("abcdefghij") + ["Escape"] + ["g", "PageDown", "PageUp"] * 3
# Everyday use beyond that: highlight mode, overview, undo, evidence, lists,
# help, search, zoom, capture, the inbox, freeze, present, saving.
EVERYDAY = [
    "l", "l", "j", "j", "H", "]", "]", "v", "v", "i", "a", "b", "Enter", "c", "Escape", "u", "C-r",
    "E", "E", "L", "j", "Escape", "?", "Escape", "/", "x", "Enter", "n", "z", "Escape",
    "c", "h", "i", "Enter", "Escape", "I", "Escape", "F", "F", ":", "present", "Enter", "Space",
    "Escape", ":", "w", "Enter",
]


def functions(callgrind_out: Path) -> list[str]:
    """The functions of the jgrid binary a callgrind profile saw, in the order it names them."""
    objects, names, seen, order = {}, {}, set(), []
    ob = cob = None  # the object of `fn=` lines, and of the next `cfn=` line
    for line in callgrind_out.read_text(errors="replace").splitlines():
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3):
                objects[m.group(2)] = m.group(3)
            if m.group(1) == "ob":
                ob = objects[m.group(2)]
            else:
                cob = objects[m.group(2)]
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3):
                names[m.group(2)] = m.group(3)
            name = names[m.group(2)]
            obj = ob if m.group(1) == "fn" else (cob or ob)
            cob = None
            # `'2` marks a recursive call of a function already named;
            # `0x…` and `(below main)` are no function of the program.
            name = name.split("'")[0]
            if name.startswith(("0x", "(")):
                continue
            if obj and Path(obj).name == "jgrid" and name not in seen:
                seen.add(name)
                order.append(name)
    return order


def session(journey: Path, out: Path, keys: list[str]) -> None:
    """One jgrid session at 100x30 under callgrind, keys sent through tmux."""
    name = f"jgrid-order-{out.stem}"
    valgrind = f"valgrind --tool=callgrind --demangle=no --callgrind-out-file={out} {BINARY} {journey}"
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", valgrind], check=True)
    time.sleep(5)
    for key in keys + ["Escape", ":", "q!", "Enter"]:
        # A tmux key name (Escape, C-r) or text to type as it is.
        subprocess.run(["tmux", "send-keys", "-t", name, key], check=True)
        time.sleep(0.25)
    for _ in range(100):
        if out.exists() and subprocess.run(["tmux", "has-session", "-t", name], capture_output=True).returncode:
            return
        time.sleep(0.1)
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    if not out.exists():
        sys.exit(f"startup_order: callgrind wrote no profile for the {out.stem} session")


def check() -> None:
    """How many of the listed functions the built binary has (the rest are skipped)."""
    nm = subprocess.run(["nm", BINARY], capture_output=True, text=True, check=True).stdout
    have = {line.split()[-1] for line in nm.splitlines() if line.strip()}
    listed = OUT.read_text().split()
    print(f"{sum(name in have for name in listed)} of {len(listed)} listed functions are in {BINARY.relative_to(ROOT)}")


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        return check()
    if not BINARY.exists():
        sys.exit("startup_order: build first: cargo build --release")
    gen = ROOT / "target/release/examples/gen_journey"
    if not gen.exists():
        subprocess.run(["cargo", "build", "--release", "--example", "gen_journey"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        order: list[str] = []
        for label, keys in [("startup", STARTUP), ("everyday", EVERYDAY)]:
            journey = tmp / f"{label}.toml"
            journey.write_text(subprocess.run([gen, "typical"], capture_output=True, text=True, check=True).stdout)
            out = tmp / f"{label}.out"
            session(journey, out, keys)
            order += [f for f in functions(out) if f not in order]
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(f"{f}\n" for f in order))
    print(f"{OUT.relative_to(ROOT)}: {len(order)} functions")


if __name__ == "__main__":
    main()
