#!/usr/bin/env python3
"""Benchmarks of a folder of journeys (issue 24): `jgrid check DIR` beside the `cat` floor, the
blueprint, the site, and the portfolio screen's first frame and list in a pseudo-terminal.

    python3 bench/portfolio.py                    # 1,000 journeys, 15 runs, Markdown on stdout
    python3 bench/portfolio.py --journeys 10000   # another size
    python3 bench/portfolio.py --runs 5 --quick   # a smoke test, not for BENCHMARKS.md

Only the Python standard library is used. The script:

1. builds jgrid and the generator (`cargo build --release`, `--example gen_portfolio`) and writes
   the portfolio (`gen_portfolio DIR N`: N journeys of 8 phases in ten team folders, with a
   jgrid.toml whose aliases they need) into a temporary directory;
2. times, interleaved run by run so that all see the same machine state, the wall clock (and the
   CPU time of the process and its children, from os.wait4) of:
   - the floor: `cat` of every journey file (`find DIR -name '*.toml' -print0 | xargs -0 cat`),
     output to /dev/null;
   - `jgrid check DIR` (text and `--format json`), output to /dev/null;
   - `jgrid check FILE...` with every journey file listed (the checks of each journey, nothing
     across them: what the issue measured before);
   - `jgrid blueprint DIR --format json` and `jgrid site DIR -o OUT`;
3. starts `jgrid DIR` in a fresh 80x24 pseudo-terminal (fresh HOME) and measures the first frame
   (spawn to the first complete synchronized update, which shows the folder's name) and the list
   (spawn to the frame that draws the list's header row, with the list under it), then the peak
   memory (VmHWM) just before `q`;
4. prints medians (and min, max) as a Markdown table, with the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JGRID = ROOT / "target" / "release" / "jgrid"
GEN = ROOT / "target" / "release" / "examples" / "gen_portfolio"


def run_timed(argv: list[str], shell: bool = False) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, children included) and peak RSS (KB) of one run."""
    start = time.perf_counter()
    if shell:
        argv = ["/bin/sh", "-c", argv[0]]
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0),
    ])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{argv} exited with {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def screen_session(folder: Path, journeys: int, home: Path) -> tuple[float, float, float]:
    """First frame (s), list shown (s), peak memory (MB) of `jgrid DIR` at 80x24."""
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"), TERM="xterm-256color")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(str(JGRID), [str(JGRID), str(folder)], env)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = b""
    first = listed = None
    # The list's header row: blank while the folder is read, so it is drawn whole with the list.
    want = "Journey▼".encode()
    deadline = start + 30
    while listed is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        out += chunk
        now = time.perf_counter()
        if first is None and b"\x1b[?2026l" in out:
            first = now - start
        if first is not None and want in out:
            listed = now - start
    status = Path(f"/proc/{pid}/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    os.write(fd, b"q")
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        select.select([fd], [], [], 0.05)
        try:
            os.read(fd, 65536)
        except OSError:
            pass
    os.close(fd)
    if first is None or listed is None:
        sys.exit("the portfolio screen did not show its list")
    return first, listed, peak


def summary(values: list[float], scale: float = 1000.0) -> str:
    v = [x * scale for x in values]
    return f"{statistics.median(v):.0f} ({min(v):.0f}–{max(v):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="skip the build")
    args = parser.parse_args()
    if not args.quick:
        subprocess.run(["cargo", "build", "--release", "--locked", "--example", "gen_portfolio"], cwd=ROOT, check=True)
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="jgrid-portfolio-bench-"))
    try:
        folder = work / "portfolio"
        subprocess.run([str(GEN), str(folder), str(args.journeys)], check=True, stderr=subprocess.DEVNULL)
        files = sorted(str(p) for p in folder.rglob("journey-*.toml"))
        size = sum(os.path.getsize(f) for f in files)
        site = work / "site"
        commands = {
            "cat (the floor)": ([f"find {folder} -name '*.toml' -print0 | xargs -0 cat"], True),
            "jgrid check DIR": ([str(JGRID), "check", str(folder)], False),
            "jgrid check DIR --format json": ([str(JGRID), "check", "--format", "json", str(folder)], False),
            "jgrid check FILE... (each journey, nothing across)": ([str(JGRID), "check", *files], False),
            "jgrid blueprint DIR --format json": ([str(JGRID), "blueprint", "--format", "json", str(folder)], False),
            "jgrid site DIR -o OUT": ([str(JGRID), "site", str(folder), "-o", str(site)], False),
        }
        samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
        screen: list[tuple[float, float, float]] = []
        for _ in range(args.runs):
            for name, (argv, shell) in commands.items():
                samples[name].append(run_timed(argv, shell))
            home = work / "home"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            screen.append(screen_session(folder, args.journeys, home))
        floor = statistics.median(s[0] for s in samples["cat (the floor)"])
        print(f"{args.journeys} journeys, {size / 1e6:.1f} MB; {args.runs} runs; load average before: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs\n")
        print("| command | wall ms, median (min–max) | × the floor | CPU ms (user+sys) | peak MB |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, runs in samples.items():
            walls = [r[0] for r in runs]
            ratio = statistics.median(walls) / floor
            cpu = summary([r[1] for r in runs])
            peak = statistics.median(r[2] for r in runs) / 1024
            print(f"| `{name}` | {summary(walls)} | {ratio:.1f} | {cpu} | {peak:.1f} |")
        print()
        print("| `jgrid DIR` at 80x24 | ms, median (min–max) |")
        print("| --- | ---: |")
        print(f"| first frame | {summary([s[0] for s in screen])} |")
        print(f"| the list of {args.journeys} journeys | {summary([s[1] for s in screen])} |")
        print(f"| peak memory, MB | {statistics.median(s[2] for s in screen):.1f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
