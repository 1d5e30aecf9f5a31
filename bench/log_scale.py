#!/usr/bin/env python3
"""The interview log at an absurd size: a journey with 10,000 [[log]] entries
against the same number of [[inbox]] notes and the sample without either. Measures, in a pseudo-terminal at
80x24, the time from exec to the first frame (until "NORMAL" is drawn) and
from Ctrl-s to "Saved" after one captured note, and `jgrid check`'s time
with /usr/bin/time. Medians; on a shared machine the wall clock is noisy.

    cargo build --release && python3 bench/log_scale.py [--entries 10000] [--runs 9]
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JGRID = os.path.join(ROOT, "target", "release", "jgrid")
SAMPLE = os.path.join(ROOT, "journeys", "energy-switch-interview.toml")


def with_log(entries: int, table: str = "log") -> str:
    cells = [("Price shock", "Need"), ("Compare", "Touchpoints"), ("Ask", "Message")]
    out = [open(SAMPLE, encoding="utf-8").read()]
    for i in range(entries):
        day, rest = divmod(i, 3600)
        at = f"2026-11-{1 + day % 28:02d}T10:{rest // 60:02d}:{rest % 60:02d}Z"
        cell = "" if i % 3 == 0 or table != "log" else 'phase = "{}"\nrow = "{}"\n'.format(*cells[i % 3])
        source = ("sara", "omar")[i % 2]
        out.append(f'\n[[{table}]]\ntext = "note {i}: waited {i % 40} minutes, nobody called back"\n'
                   f'source = "{source}"\nat = "{at}"\n{cell}')
    return "".join(out)


def spawn(path):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(JGRID, [JGRID, path])
    return pid, fd


def wait(fd, needle):
    buf = b""
    while needle not in buf:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            return False
        buf += os.read(fd, 65536)
    return True


def finish(pid, fd):
    os.write(fd, b":q!\r")
    try:
        while select.select([fd], [], [], 2)[0] and os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)


def first_frame(path):
    t0 = time.perf_counter()
    pid, fd = spawn(path)
    ok = wait(fd, b"NORMAL")
    elapsed = time.perf_counter() - t0
    finish(pid, fd)
    return elapsed * 1000 if ok else float("nan")


def save(path, work):
    shutil.copy(path, work)
    pid, fd = spawn(work)
    wait(fd, b"NORMAL")
    for keys in (b"c", b"a note\r", b"\x1b"):
        os.write(fd, keys)
        time.sleep(0.3)
    t0 = time.perf_counter()
    os.write(fd, b"\x13")
    ok = wait(fd, b"Saved")
    elapsed = time.perf_counter() - t0
    finish(pid, fd)
    return elapsed * 1000 if ok else float("nan")


def check(path):
    t0 = time.perf_counter()
    subprocess.run([JGRID, "check", path], stdout=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - t0) * 1000


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--entries", type=int, default=10000)
    args.add_argument("--runs", type=int, default=9)
    opts = args.parse_args()
    with tempfile.TemporaryDirectory(prefix="jgrid-log-") as tmp:
        big, inbox = os.path.join(tmp, "log.toml"), os.path.join(tmp, "inbox.toml")
        plain = os.path.join(tmp, "plain.toml")
        for path, table in ((big, "log"), (inbox, "inbox")):
            with open(path, "w", encoding="utf-8") as f:
                f.write(with_log(opts.entries, table))
        shutil.copy(SAMPLE, plain)
        cases = ((f"{opts.entries} log entries", big), (f"{opts.entries} inbox notes", inbox), ("the sample", plain))
        for name, path in cases:
            size = os.path.getsize(path)
            med = lambda f, *a: round(statistics.median(f(path, *a) for _ in range(opts.runs)), 1)
            print(f"{name} ({size} bytes): first frame {med(first_frame)} ms, "
                  f"Ctrl-s to Saved {med(save, os.path.join(tmp, 'work.toml'))} ms, check {med(check)} ms")


if __name__ == "__main__":
    main()
