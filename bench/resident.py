#!/usr/bin/env python3
"""Where jgrid's resident memory goes: by mapping, and its resident code by crate.

    python3 bench/resident.py                                  # target/release/jgrid, typical sample, 100x30
    python3 bench/resident.py --journey journeys/bicycle-repair.toml --binary /tmp/other/jgrid

Starts the binary in a fresh pseudo-terminal (as bench/ptybench.py does), waits for its first
frame and a quiet half second, then reads /proc/PID/smaps (resident kB per mapping: the binary,
the C library, anonymous memory) and /proc/PID/pagemap (which pages of the binary's code are
resident) and attributes each resident code page to the crates whose functions lie in it (`nm`).
The kernel maps up to 64 kB around each page fault in a cached file ("fault-around"), so code that
never runs becomes resident when it sits beside code that does: this table says which crates'
code is in the pages a session touched, not which code ran.

Only the Python standard library and binutils' `nm` are used. Reading pagemap's "present" bits
needs no privileges.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import os
import re
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ptybench import evict_page_cache, fresh_env  # noqa: E402  (shared with the other bench scripts)

PAGE = 4096


def start(binary: Path, journey: Path, cols: int, rows: int, workdir: Path) -> tuple[int, int]:
    """Spawn `binary journey` on a new pty of cols x rows; return (pid, master fd)."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = fresh_env(workdir, 0)

    def child() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    pid = subprocess.Popen(
        [str(binary), str(journey)], stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=child
    ).pid
    os.close(slave)
    return pid, master


def drain_until_quiet(fd: int, quiet: float, timeout: float) -> bytes:
    out = bytearray()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if out:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return bytes(out)


def by_mapping(pid: int) -> list[tuple[int, str]]:
    rss: collections.Counter[str] = collections.Counter()
    name = ""
    for line in open(f"/proc/{pid}/smaps"):
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split()
            name = parts[5] if len(parts) > 5 else "[anonymous]"
        elif line.startswith("Rss:"):
            rss[name] += int(line.split()[1])
    return sorted(((kb, n) for n, kb in rss.items() if kb), reverse=True)


def resident_code_pages(pid: int, binary: str) -> list[int]:
    """File offsets-relative addresses (as nm prints them) of the binary's resident code pages."""
    base = None
    pages = []
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in open(f"/proc/{pid}/maps"):
            parts = line.split()
            if len(parts) < 6 or os.path.realpath(parts[5]) != binary:
                continue
            lo, hi = (int(x, 16) for x in parts[0].split("-"))
            if base is None:
                base = lo - int(parts[2], 16)
            if "x" not in parts[1]:
                continue
            for va in range(lo, hi, PAGE):
                pagemap.seek(va // PAGE * 8)
                if struct.unpack("<Q", pagemap.read(8))[0] >> 63:
                    pages.append(va - base)
    return pages


def crate_of(symbol: str) -> str:
    m = re.match(r"(?:<)?(?:\w+ as )?([a-z_][a-z0-9_]*)::", symbol)
    return m.group(1) if m else "(other)"


def code_by_crate(binary: str, pages: list[int]) -> list[tuple[int, int, str]]:
    nm = subprocess.run(["nm", "-C", "-S", binary], capture_output=True, text=True, check=True).stdout
    syms = []
    for line in nm.splitlines():
        p = line.split(None, 3)
        if len(p) == 4 and p[2] in "tTwW":
            syms.append((int(p[0], 16), int(p[1], 16), crate_of(p[3])))
    syms.sort()
    starts = [s[0] for s in syms]
    total: collections.Counter[str] = collections.Counter()
    for _, size, crate in syms:
        total[crate] += size
    resident: collections.Counter[str] = collections.Counter()
    for page in pages:
        i = max(bisect.bisect_right(starts, page) - 1, 0)
        while i < len(syms) and syms[i][0] < page + PAGE:
            a, size, crate = syms[i]
            overlap = min(a + size, page + PAGE) - max(a, page)
            if overlap > 0:
                resident[crate] += overlap
            i += 1
    return [(resident[c], total[c], c) for c, _ in resident.most_common()]


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=str(here / "target/release/jgrid"))
    ap.add_argument("--journey", default=str(here / "journeys/broadband-moving-house.toml"))
    ap.add_argument("--size", default="100x30")
    ap.add_argument("--top", type=int, default=20, help="crates to list")
    a = ap.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    binary = os.path.realpath(a.binary)
    workdir = Path(subprocess.run(["mktemp", "-d"], capture_output=True, text=True).stdout.strip())
    # As bench/ptybench.py does: read from disk, then measure a second, warm start.
    evict_page_cache({binary})
    (workdir / "cold").mkdir()
    pid, fd = start(Path(binary), Path(a.journey), cols, rows, workdir / "cold")
    drain_until_quiet(fd, 0.5, 10)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pid, fd = start(Path(binary), Path(a.journey), cols, rows, workdir)
    try:
        drain_until_quiet(fd, 0.5, 10)
        status = open(f"/proc/{pid}/status").read()
        hwm = re.search(r"^VmHWM:\s+(\d+)", status, re.M).group(1)
        print(f"{binary} on {a.journey} at {a.size}: VmHWM {hwm} kB\n")
        print("| resident kB | mapping |\n| ---: | --- |")
        for kb, name in by_mapping(pid):
            print(f"| {kb} | {name} |")
        pages = resident_code_pages(pid, binary)
        print(f"\nResident code of the binary: {len(pages) * PAGE // 1024} kB\n")
        print("| crate | resident kB | of its code, kB |\n| --- | ---: | ---: |")
        for res, tot, crate in code_by_crate(binary, pages)[: a.top]:
            print(f"| {crate} | {res // 1024} | {tot // 1024} |")
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        subprocess.run(["rm", "-rf", str(workdir)])


if __name__ == "__main__":
    main()
