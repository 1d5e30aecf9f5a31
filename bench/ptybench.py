#!/usr/bin/env python3
"""Whole-program benchmarks of jgrid through a pseudo-terminal, with sc-im, vim (-u NONE) and VisiData as peers.

    python3 bench/ptybench.py                  # build, generate journeys, measure, print Markdown
    python3 bench/ptybench.py --json out.json  # also keep every raw sample
    python3 bench/ptybench.py --quick          # 3 runs, 2 s idle: a smoke test, not for BENCHMARKS.md
    python3 bench/ptybench.py --sizes 100x30 --runs 15 --no-startup --no-idle   # the peer comparison only

Only the Python standard library is used (`os.openpty`, `os.posix_spawn`, `select`, `/proc`), so it runs anywhere
Linux and Python 3.11 are. The script:

1. builds jgrid (`cargo build --release`) and the generator example, and writes the
   `typical` and `large` journeys (TOML), the `typical` grid as CSV (for VisiData) and as an
   sc-im file (same cell texts, a cell's lines joined by a space, columns as wide as jgrid's,
   rows as high as their longest cell) into a temporary directory;
2. starts each program in a fresh pseudo-terminal of each size (80x24, 100x30, 200x60), with a
   fresh HOME, and measures, per session:
   - first frame: from just before posix_spawn() to the read that completes the first frame. For
     jgrid that is the first synchronized update (ESC[?2026h ... ESC[?2026l, one write) that
     shows the status line "NORMAL"; for sc-im (ncurses writes a frame in several writes) the
     last byte before its output pauses for 100 ms, once the first phase's name has appeared;
     for VisiData, the first time the first phase's name ("Orientation") appears;
   - the floor: the bytes of jgrid's first frame (and of sc-im's), kept from the first session
     of each size, written by `cat` through a fresh pty of the same size (raw mode) in the same
     run: spawn, exec, the pty and the bytes themselves, with no work in between. "Above the
     floor" is a program's median minus the median of `cat` of its own first frame;
   - bytes written to the terminal per key: after each key the script waits for the program to
     answer and then for a quiet period (no output for `quiet` seconds), and counts every byte
     in between. Keys: 5 x `l`, 4 x `j`; for jgrid also 10 characters typed after `i` (edit
     mode) and 3 x PgDn (each from the top: `g`, PgDn, PgUp). The figure is the median over all
     key presses of all runs; the mean is printed too, because a move that scrolls costs more;
   - peak memory: VmHWM from /proc/PID/status just before quitting (every program's binary is
     dropped from the page cache first, so that each is read from disk alike);
3. measures idle behaviour at 100x30: after the first frame and 0.5 s of quiet, the CPU time
   (utime + stime ticks from /proc/PID/stat, all threads) used and the bytes written during
   `--idle-seconds` (10) seconds, `--idle-runs` (3) times;
4. measures start-up at the first size twice: with a terminal that answers the usual queries
   (cursor position, device attributes, mode reports, colours, kitty keyboard) and with a dumb
   one that answers nothing, and lists the queries each program sent.

Sessions of the programs are interleaved run by run, so all see the same machine state.
jgrid and sc-im quit with `:q!` Enter, VisiData with `gq`. Every wait has a timeout; a session
that fails is reported and left out. Medians are over `--runs` (20) sessions unless stated.

sc-im is looked for as `sc-im` on the PATH or given with `--scim`; BENCHMARKS.md says how to
build it. `--also NAME=BINARY` measures another jgrid build (for example another release
profile) in the same run.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tty
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
SIZES = [(80, 24), (100, 30), (200, 60)]
SYNC_END = b"\x1b[?2026l"
PGDN, PGUP, ESC = b"\x1b[6~", b"\x1b[5~", b"\x1b"
TYPED = "benchmark!"  # 10 characters typed in edit mode
BURST = 0.05  # seconds: output this soon after the first byte of an answer is "immediate"
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Terminal queries a TUI may send at start-up, and what a capable terminal answers.
# In "dumb" mode none is answered; in both modes every query seen is recorded.
QUERIES: list[tuple[str, re.Pattern[bytes], Callable[[re.Match[bytes]], bytes]]] = [
    ("cursor position (DSR 6)", re.compile(rb"\x1b\[\??6n"), lambda m: b"\x1b[1;1R"),
    ("device status (DSR 5)", re.compile(rb"\x1b\[5n"), lambda m: b"\x1b[0n"),
    ("primary device attributes (DA1)", re.compile(rb"\x1b\[0?c"), lambda m: b"\x1b[?62;22c"),
    ("secondary device attributes (DA2)", re.compile(rb"\x1b\[>0?c"), lambda m: b"\x1b[>1;10;0c"),
    ("terminal version (XTVERSION)", re.compile(rb"\x1b\[>0?q"), lambda m: b"\x1bP>|ptybench\x1b\\"),
    ("mode report (DECRQM)", re.compile(rb"\x1b\[(\??)(\d+)\$p"), lambda m: b"\x1b[" + m[1] + m[2] + b";2$y"),
    ("kitty keyboard flags", re.compile(rb"\x1b\[\?u"), lambda m: b"\x1b[?0u"),
    (
        "colour (OSC 4/10/11/12)",
        re.compile(rb"\x1b\](4;\d+|1[0-2]);\?(\x07|\x1b\\)"),
        lambda m: b"\x1b]" + m[1] + b";rgb:0000/0000/0000" + m[2],
    ),
    ("capability (XTGETTCAP)", re.compile(rb"\x1bP\+q[0-9A-Fa-f;]*\x1b\\"), lambda m: b"\x1bP0+r\x1b\\"),
    ("text area size (XTWINOPS)", re.compile(rb"\x1b\[1[48]t"), lambda m: b"\x1b[8;24;80t"),
]

ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|[ -~])")


class BenchError(Exception):
    pass


@dataclass
class Answer:
    """What a program wrote in answer to one key."""

    bytes: int
    immediate: int  # bytes that came within BURST seconds of the first one
    seconds: float  # from sending the key to the last byte of the answer
    frames: int  # synchronized updates (ESC[?2026l) in the answer


# ---------------------------------------------------------------------------
# One program in one pseudo-terminal
# ---------------------------------------------------------------------------


class Session:
    """A child process on a fresh pty of the given size; every byte it writes is kept with the
    time it was read."""

    def __init__(self, argv: list[str], cols: int, rows: int, env: dict[str, str], answer: bool, raw: bool = False):
        self.answer = answer
        self.out = bytearray()
        self.chunks: list[tuple[float, int]] = []  # (time read, len(out) after it)
        self.last_read = 0.0
        self.queries: set[str] = set()
        self._scanned = 0
        self.eof = False
        # The pty exists and has its size before the clock starts: that is the terminal's work.
        # posix_spawn (vfork + exec) instead of fork: forking this Python process would add
        # milliseconds to every start-up. setsid and then opening the slave by name makes it
        # the child's controlling terminal, as a terminal emulator does.
        self.fd, slave = os.openpty()
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        if raw:  # as a full-screen program sets it: bytes pass unchanged (no LF -> CR LF)
            tty.setraw(slave)
        slave_name = os.ttyname(slave)
        program = shutil.which(argv[0], path=env.get("PATH")) or argv[0]
        actions = [(os.POSIX_SPAWN_OPEN, 0, slave_name, os.O_RDWR, 0), (os.POSIX_SPAWN_DUP2, 0, 1), (os.POSIX_SPAWN_DUP2, 0, 2)]
        self.t_spawn = time.perf_counter()
        try:
            self.pid = os.posix_spawn(program, argv, env, setsid=True, file_actions=actions)
        except OSError:
            os.close(self.fd)
            raise
        finally:
            os.close(slave)
        self.exited: int | None = None

    # -- reading ------------------------------------------------------------

    def read(self, timeout: float) -> bool:
        """Read what is there, waiting at most `timeout` seconds; True if something came."""
        if self.eof:
            time.sleep(max(timeout, 0))
            return False
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed the terminal (it exited)
            data = b""
        if not data:
            self.eof = True
            return False
        self.last_read = time.perf_counter()
        self.out += data
        self.chunks.append((self.last_read, len(self.out)))
        self._answer_queries()
        return True

    def _answer_queries(self) -> None:
        start = max(0, self._scanned - 64)
        for name, pattern, reply in QUERIES:
            for m in pattern.finditer(self.out, start):
                if m.end() > self._scanned:
                    self.queries.add(name)
                    if self.answer:
                        self.write(reply(m))
        self._scanned = len(self.out)

    def wait_until(self, done: Callable[[bytes], bool], timeout: float) -> float:
        """Read until `done(output)`; return the time of the read that made it true."""
        deadline = time.perf_counter() + timeout
        while not done(bytes(self.out)):
            left = deadline - time.perf_counter()
            if left <= 0 or self.eof:
                raise BenchError(f"timed out waiting; output so far ends with {bytes(self.out[-300:])!r}")
            self.read(left)
        return self.last_read

    def settle(self, quiet: float, timeout: float = 10.0) -> None:
        """Read until nothing has come for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.read(quiet):
                return
        raise BenchError(f"output did not stop within {timeout} s")

    def press(self, key: bytes, quiet: float, answer_timeout: float = 2.0) -> Answer:
        """Send one key and collect the answer: everything written until `quiet` seconds pass
        without output."""
        start, first_chunk, t0 = len(self.out), len(self.chunks), time.perf_counter()
        self.write(key)
        self.read(answer_timeout)  # the first bytes of the answer, if any
        self.settle(quiet)
        data = bytes(self.out[start:])
        chunks = self.chunks[first_chunk:]
        if not chunks:
            return Answer(0, 0, 0.0, 0)
        burst_end = chunks[0][0] + BURST
        immediate = max(end for t, end in chunks if t <= burst_end) - start
        return Answer(len(data), immediate, self.last_read - t0, data.count(SYNC_END))

    # -- the process ------------------------------------------------------------

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def proc(self, name: str) -> str:
        return Path(f"/proc/{self.pid}/{name}").read_text()

    def page_faults(self) -> int:
        """Minor and major page faults of the whole process so far."""
        fields = self.proc("stat").rsplit(")", 1)[1].split()
        return int(fields[7]) + int(fields[9])

    def cpu_ticks(self) -> int:
        """utime + stime of the whole process (all threads), in clock ticks."""
        fields = self.proc("stat").rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def cpu_ns(self) -> tuple[int, int]:
        """Time on a CPU and time waiting for one (ready but not running), in ns, summed over
        the threads (/proc/PID/task/*/schedstat; readable until the process is reaped)."""
        run = wait = 0
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            try:
                fields = (task / "schedstat").read_text().split()
            except OSError:  # the thread has just ended
                continue
            run, wait = run + int(fields[0]), wait + int(fields[1])
        return run, wait

    def wait_exit(self, timeout: float = 5.0) -> None:
        """Wait until the child has exited, without reaping it (its /proc stays readable)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            info = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            if info is not None:
                return
            self.read(0.005)
        raise BenchError("the child did not exit")

    def vm_hwm_kib(self) -> int:
        m = re.search(r"^VmHWM:\s+(\d+) kB", self.proc("status"), re.M)
        if not m:
            self.read(0.1)
            died = f"it exited with wait status {self.exited}" if self._reaped() else "it is a zombie"
            raise BenchError(f"no VmHWM in /proc/PID/status: {died}; output ends with {bytes(self.out[-300:])!r}")
        return int(m[1])

    def close(self, quit_keys: bytes | None, timeout: float = 5.0) -> int:
        """Send `quit_keys` and wait for the child to exit (b"": just wait; None: kill it at
        once), reap it and close the pty; return the wait status."""
        if self.exited is None and quit_keys is not None:
            try:
                self.write(quit_keys)
            except OSError:
                pass
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline and not self._reaped():
                self.read(0.02)
        if self.exited is None and not self._reaped():
            os.kill(self.pid, signal.SIGKILL)
            _, self.exited = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return self.exited or 0

    def _reaped(self) -> bool:
        if self.exited is not None:
            return True
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.exited = status
        return bool(pid)


# ---------------------------------------------------------------------------
# The programs
# ---------------------------------------------------------------------------


def fresh_env(workdir: Path, n: int) -> dict[str, str]:
    """A clean environment for session `n` with a fresh, empty HOME under `workdir`."""
    home = workdir / "home" / str(n)
    home.mkdir(parents=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


@dataclass
class Program:
    name: str
    argv: list[str]  # the file is appended
    quit: bytes
    quiet: float  # seconds without output after which a key's answer is complete
    settle: float  # seconds without output after which start-up is complete
    edits: bool  # measure edit mode and paging (jgrid only)
    # None: the frame is complete when `ready` holds. A number: then also read until the
    # output pauses for that many seconds; the frame ends with the last byte before the pause.
    frame_quiet: float | None = None
    raw: bool = False  # put the pty in raw mode first (for `cat`; the programs do it themselves)


def jgrid_frame_end(out: bytes) -> int:
    """Where jgrid's first frame ends (just after its ESC[?2026l), or -1."""
    i = out.find(b"NORMAL")
    j = out.find(SYNC_END, i) if i >= 0 else -1
    return j + len(SYNC_END) if j >= 0 else -1


def jgrid_ready(out: bytes) -> bool:
    return jgrid_frame_end(out) >= 0


def text_appears(first_phase: str) -> Callable[[bytes], bool]:
    needle = first_phase.encode()
    return lambda out: needle in out or needle in ANSI.sub(b"", out)


@dataclass
class Target:
    program: Program
    journey: str  # typical | large | the floor's program
    file: Path | None
    ready: Callable[[bytes], bool]  # the first frame is there (see Program.frame_quiet)

    @property
    def key(self) -> str:
        return f"{self.program.name}/{self.journey}"


# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------


@dataclass
class Samples:
    first_frame_ms: list[float] = field(default_factory=list)
    bytes: dict[str, list[int]] = field(default_factory=dict)
    immediate: dict[str, list[int]] = field(default_factory=dict)
    latency_ms: dict[str, list[float]] = field(default_factory=dict)
    frames: dict[str, list[int]] = field(default_factory=dict)
    hwm_kib: list[int] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # on a CPU from exec until start-up is done
    runqueue_ms: list[float] = field(default_factory=list)  # ready but waiting for a CPU, same span
    faults: list[int] = field(default_factory=list)  # page faults, same span
    idle_ticks: list[int] = field(default_factory=list)
    idle_bytes: list[int] = field(default_factory=list)
    queries: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)

    def merge(self, other: Samples) -> None:
        for name in ("first_frame_ms", "hwm_kib", "cpu_ms", "runqueue_ms", "faults", "idle_ticks", "idle_bytes", "failures"):
            getattr(self, name).extend(getattr(other, name))
        for name in ("bytes", "immediate", "latency_ms", "frames"):
            for key, xs in getattr(other, name).items():
                getattr(self, name).setdefault(key, []).extend(xs)
        self.queries |= other.queries

    def key(self, name: str, a: Answer) -> None:
        self.bytes.setdefault(name, []).append(a.bytes)
        self.immediate.setdefault(name, []).append(a.immediate)
        self.latency_ms.setdefault(name, []).append(a.seconds * 1e3)
        self.frames.setdefault(name, []).append(a.frames)


class Bench:
    def __init__(self, args: argparse.Namespace, workdir: Path):
        self.args = args
        self.workdir = workdir
        self.results: dict[str, Samples] = {}
        self.session_no = 0
        # The first frame's bytes of each program at each size, from its first session; `cat`
        # of them through the same pty is the floor.
        self.frames: dict[tuple[str, str], bytes] = {}
        self.big: list[Target] = []  # jgrid builds on the journey with a 1 MB cell

    def samples(self, *parts: object) -> Samples:
        return self.results.setdefault("/".join(map(str, parts)), Samples())

    def env(self) -> dict[str, str]:
        """A clean environment with a fresh, empty HOME (no config, no recovery files)."""
        self.session_no += 1
        return fresh_env(self.workdir, self.session_no)

    def start(self, t: Target, cols: int, rows: int, answer: bool = False) -> tuple[Session, float, bytes]:
        """Start a session and wait for its first frame; return it, the time to the frame in ms
        and the frame's bytes (everything written up to its end)."""
        argv = [*t.program.argv, str(t.file)] if t.file else t.program.argv
        s = Session(argv, cols, rows, self.env(), answer, raw=t.program.raw)
        try:
            t_frame = s.wait_until(t.ready, timeout=20)
            end = len(s.out)
            if t.program.frame_quiet is not None:
                s.settle(t.program.frame_quiet)
                t_frame, end = s.last_read, len(s.out)
            elif t.ready is jgrid_ready:
                end = jgrid_frame_end(bytes(s.out))
        except BenchError:
            s.close(None)
            raise
        return s, (t_frame - s.t_spawn) * 1e3, bytes(s.out[:end])

    def run(self, what: str, into: Samples, session: Callable[[Samples], None]) -> None:
        """Run one session; its samples count only if all of it worked."""
        got = Samples()
        try:
            session(got)
        except (BenchError, OSError) as e:
            into.failures.append(f"{what}: {e}")
            print(f"  FAILED {what}: {e}", file=sys.stderr)
            return
        into.merge(got)

    # -- the kinds of session ---------------------------------------------------------

    def interactive(self, t: Target, cols: int, rows: int, got: Samples) -> None:
        """First frame, bytes per key, peak memory."""
        s, first, frame = self.start(t, cols, rows)
        self.frames.setdefault((t.key, f"{cols}x{rows}"), frame)
        p = t.program
        try:
            s.settle(p.settle)
            run, wait = s.cpu_ns()
            got.cpu_ms.append(run / 1e6)
            got.runqueue_ms.append(wait / 1e6)
            got.faults.append(s.page_faults())
            for _ in range(5):
                got.key("l", s.press(b"l", p.quiet))
            for _ in range(4):
                got.key("j", s.press(b"j", p.quiet))
            if p.edits:
                s.press(b"i", p.quiet)
                for ch in TYPED:
                    got.key("char", s.press(ch.encode(), p.quiet))
                s.press(ESC, p.quiet)
                for _ in range(3):
                    s.press(b"g", p.quiet, answer_timeout=0.3)  # a no-op when already at the top
                    got.key("PgDn", s.press(PGDN, p.quiet))
                    s.press(PGUP, p.quiet)
            got.hwm_kib.append(s.vm_hwm_kib())
            got.first_frame_ms.append(first)
            got.queries |= s.queries
        finally:
            status = s.close(p.quit)
        if status != 0:
            raise BenchError(f"{p.name} exited with wait status {status}")

    def floor(self, t: Target, cols: int, rows: int, got: Samples) -> None:
        """`cat` of a program's first frame through a fresh pty of the same size."""
        s, first, _ = self.start(t, cols, rows)
        try:
            s.wait_exit()
            run, wait = s.cpu_ns()
            got.faults.append(s.page_faults())
        finally:
            status = s.close(b"")
        if status != 0:
            raise BenchError(f"cat exited with wait status {status}")
        got.first_frame_ms.append(first)
        got.cpu_ms.append(run / 1e6)
        got.runqueue_ms.append(wait / 1e6)

    def startup(self, t: Target, size: tuple[int, int], answer: bool, got: Samples) -> None:
        """First frame with a terminal that answers queries, or a dumb one."""
        s, first, _ = self.start(t, *size, answer)
        try:
            s.settle(t.program.settle)
            got.first_frame_ms.append(first)
            got.queries |= s.queries
        finally:
            s.close(t.program.quit)

    def big_cell(self, t: Target, got: Samples) -> None:
        """Keys typed into a cell that holds about 1 MB of text (edit mode, at 100x30): the time
        from each key to the last byte of its answer."""
        s, _, _ = self.start(t, 100, 30)
        try:
            s.settle(t.program.settle)
            s.press(b"i", t.program.quiet, answer_timeout=10)
            for ch in "typed":
                got.key("big-cell char", s.press(ch.encode(), t.program.quiet, answer_timeout=10))
            got.hwm_kib.append(s.vm_hwm_kib())
        finally:
            s.close(ESC + b":q!\r")

    def idle(self, t: Target, got: Samples) -> None:
        """CPU ticks and bytes written while nobody touches the keyboard."""
        s, _, _ = self.start(t, 100, 30)
        try:
            s.settle(max(t.program.settle, 0.5))
            ticks, n = s.cpu_ticks(), len(s.out)
            end = time.perf_counter() + self.args.idle_seconds
            while (left := end - time.perf_counter()) > 0:
                s.read(left)
            got.idle_ticks.append(s.cpu_ticks() - ticks)
            got.idle_bytes.append(len(s.out) - n)
        finally:
            s.close(t.program.quit)

    def floor_target(self, of: Target, size: str) -> Target | None:
        """`cat` of `of`'s first frame at this size, once a session has kept it."""
        frame = self.frames.get((of.key, size))
        if frame is None:
            return None
        path = self.workdir / f"frame-{of.program.name}-{of.journey}-{size}.bin"
        if not path.exists():
            path.write_bytes(frame)
        cat = Program(f"cat of {of.program.name}", ["cat"], b"", quiet=0.05, settle=0.0, edits=False, raw=True)
        return Target(cat, of.journey, path, lambda out, n=len(frame): len(out) >= n)

    # -- the plan ---------------------------------------------------------------------

    def all(self, targets: list[Target], floors_of: list[Target]) -> None:
        a = self.args
        print(f"interactive: {a.runs} runs x {len(a.sizes)} sizes x {len(targets)} programs/journeys", file=sys.stderr)
        for run in range(a.runs):
            print(f"  run {run + 1}/{a.runs}", file=sys.stderr)
            for cols, rows in a.sizes:
                size = f"{cols}x{rows}"
                for t in targets:
                    self.run(f"{t.key} {size}", self.samples(t.key, size), lambda got: self.interactive(t, cols, rows, got))
                for of in floors_of:
                    if (f := self.floor_target(of, size)) is not None:
                        self.run(f"floor of {of.key} {size}", self.samples(f.key, size), lambda got: self.floor(f, cols, rows, got))
        if not a.no_startup:
            size = a.sizes[0]
            print(f"start-up: {a.runs} runs at {size[0]}x{size[1]}, answering and dumb terminal", file=sys.stderr)
            for _ in range(a.runs):
                for t in targets:
                    for answer in (True, False):
                        mode = "answering" if answer else "dumb"
                        self.run(
                            f"{t.key} start-up ({mode})",
                            self.samples(t.key, "start-up", mode),
                            lambda got: self.startup(t, size, answer, got),
                        )
        if a.big_cell_runs:
            print(f"1 MB cell: {a.big_cell_runs} runs", file=sys.stderr)
            for _ in range(a.big_cell_runs):
                for t in self.big:
                    self.run(f"{t.key} 1 MB cell", self.samples(t.key, "100x30", "big-cell"), lambda got: self.big_cell(t, got))
        if not a.no_idle:
            print(f"idle: {a.idle_runs} runs x {a.idle_seconds:g} s", file=sys.stderr)
            for _ in range(a.idle_runs):
                for t in targets:
                    self.run(f"{t.key} idle", self.samples(t.key, "100x30", "idle"), lambda got: self.idle(t, got))


# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------


def target_dir() -> Path:
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=REPO, check=True, capture_output=True
    )
    return Path(json.loads(meta.stdout)["target_directory"])


def column(i: int) -> str:
    """sc-im's name of the 0-based column i: A ... Z, AA, ..."""
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(ord("A") + r) + name
    return name


def sc_file(journey: dict, width: int = 20) -> str:
    """The grid as an sc-im file: row names in column A (13 wide, as jgrid's), a phase per
    column (`width` wide) with its name in row 0, each cell's text with its lines joined by a
    space, and each row as high as its longest cell needs (sc-im wraps a cell in a tall row)."""

    def string(text: str) -> str:
        return '"' + text.replace("\n", " ").replace("\\", "/").replace('"', "'") + '"'

    phases, rows = journey["phase"], journey["rows"]
    out = ["# The typical journey for ptybench.py: the same cell texts as typical.toml.", "format A 13 2 0"]
    out += [f"format {column(p + 1)} {width} 2 0" for p in range(len(phases))]
    for r, row in enumerate(rows):
        longest = max(len(ph["cells"].get(row, "").replace("\n", " ")) for ph in phases)
        out.append(f"format {r + 1} {max(1, -(-longest // width))}")
    out += [f"leftstring {column(p + 1)}0 = {string(ph['name'])}" for p, ph in enumerate(phases)]
    for r, row in enumerate(rows):
        out.append(f"leftstring A{r + 1} = {string(row)}")
        for p, ph in enumerate(phases):
            if text := ph["cells"].get(row, ""):
                out.append(f"leftstring {column(p + 1)}{r + 1} = {string(text)}")
    return "\n".join(out) + "\n"


def big_cell_toml(journey: dict, size: int = 1 << 20) -> str:
    """The journey with its first cell replaced by `size` bytes of notes: numbered lines of
    about 60 characters, with #tags, as a consultant's long notes."""
    lines, n, total = [], 0, 0
    while total < size:
        n += 1
        line = f"{n:05} #email customer asks again about the moving date, notes follow"
        lines.append(line)
        total += len(line) + 1
    first_row, first = journey["rows"][0], journey["phase"][0]
    phases = [{**first, "cells": {**first["cells"], first_row: "\n".join(lines)}}, *journey["phase"][1:]]

    def string(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string here

    out = ["format = 1", f"title = {string(journey['title'] + ' (1 MB cell)')}", f"persona = {string(journey['persona'])}"]
    out.append("rows = [" + ", ".join(string(r) for r in journey["rows"]) + "]")
    for ph in phases:
        out += ["", "[[phase]]", f"name = {string(ph['name'])}", "", "[phase.cells]"]
        out += [f"{string(row)} = {string(text)}" for row, text in ph["cells"].items()]
    return "\n".join(out) + "\n"


def prepare(args: argparse.Namespace, workdir: Path) -> tuple[list[Target], list[Target], list[Target]]:
    """Build, generate the journeys; return what to measure and whose first frames get a floor."""
    if not args.no_build:
        for argv in (["cargo", "build", "--release"], ["cargo", "build", "--release", "--example", "gen_journey"]):
            subprocess.run(argv, cwd=REPO, check=True)
    release = target_dir() / "release"
    jgrid = args.jgrid or str(release / "jgrid")
    gen = str(release / "examples" / "gen_journey")
    files: dict[str, Path] = {}
    for name, gen_args in [("typical.toml", ["typical"]), ("large.toml", ["large"]), ("typical.csv", ["typical", "--csv"])]:
        files[name] = workdir / name
        with open(files[name], "wb") as f:
            subprocess.run([gen, *gen_args], check=True, stdout=f)
    typical = tomllib.loads(files["typical.toml"].read_text())
    files["typical.sc"] = workdir / "typical.sc"
    files["typical.sc"].write_text(sc_file(typical))
    first_phase = typical["phase"][0]["name"]

    files["big-cell.toml"] = workdir / "big-cell.toml"
    files["big-cell.toml"].write_text(big_cell_toml(typical))

    targets, floors_of, big = [], [], []
    for name, binary in [("jgrid", jgrid), *(v.split("=", 1) for v in args.also)]:
        jg = Program(name if name == "jgrid" else f"jgrid[{name}]", [binary], b":q!\r", quiet=0.05, settle=0.2, edits=True)
        targets += [Target(jg, j, files[f"{j}.toml"], jgrid_ready) for j in args.journeys]
        floors_of.append(targets[-len(args.journeys)])
        big.append(Target(jg, "1 MB cell", files["big-cell.toml"], jgrid_ready))
    scim = None if args.no_scim else args.scim or shutil.which("sc-im")
    if scim:
        # ncurses writes a frame in several writes: the frame ends when sc-im pauses.
        peer = Program("sc-im", [scim], b":q!\r", quiet=0.05, settle=0.2, edits=False, frame_quiet=0.1)
        targets.append(Target(peer, "typical", files["typical.sc"], text_appears(first_phase)))
        floors_of.append(targets[-1])
    elif not args.no_scim:
        print("sc-im not found (see BENCHMARKS.md to build it; or --scim PATH): leaving it out", file=sys.stderr)
    vim = None if args.no_vim else shutil.which("vim")
    if vim:
        # vim -u NONE on the journey's TOML (the same text); like sc-im, its frame ends when it pauses.
        peer = Program("vim", [vim, "-u", "NONE"], b"\x1b:q!\r", quiet=0.05, settle=0.2, edits=False, frame_quiet=0.1)
        targets.append(Target(peer, "typical", files["typical.toml"], text_appears(first_phase)))
    vd = None if args.no_visidata else shutil.which("vd") or shutil.which("visidata")
    if vd:
        # --motd-url= : no message-of-the-day download in the background. VisiData keeps
        # writing a few bytes every 0.1 s for about a second after each key, hence quiet=0.3.
        peer = Program("visidata", [vd, "--motd-url="], b"gq", quiet=0.3, settle=1.0, edits=False)
        targets.append(Target(peer, "typical", files["typical.csv"], text_appears(first_phase)))
    elif not args.no_visidata:
        print("visidata not found (apt-get install -y visidata): leaving it out", file=sys.stderr)
    return targets, floors_of, big


def evict_page_cache(programs: set[str]) -> None:
    """Drop each program's file from the page cache, so that every program is read from disk
    as one that was not just written. A binary the linker or `cp` has just written sits in the
    page cache in large pieces, which the kernel maps whole when the program runs: the same
    bits then measured up to 0.6 MB more VmHWM than a copy read from disk (issue 21)."""
    os.sync()
    for program in programs:
        path = shutil.which(program) or program
        try:
            fd = os.open(os.path.realpath(path), os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def machine(args: argparse.Namespace) -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    info = {"nproc": str(os.cpu_count()), "cpu": cpu, "kernel": platform.release(), "python": platform.python_version()}
    info["load"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    for name, argv in [("jgrid", ["git", "-C", str(REPO), "describe", "--always", "--dirty"]), ("visidata", ["vd", "--version"])]:
        try:
            info[name] = subprocess.run(argv, capture_output=True, text=True, timeout=20).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
    # `sc-im --version` opens its user interface instead of printing: read the binary instead.
    scim = args.scim or shutil.which("sc-im")
    if scim and not args.no_scim:
        m = re.search(rb"version (\d+\.\d+\.\d+)", Path(scim).read_bytes())
        info["sc-im"] = f"sc-im {m[1].decode() if m else '?'} ({scim})"
    return info


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def med(xs: list[float]) -> str:
    if not xs:
        return "-"
    m = statistics.median(xs)
    return f"{m:.0f}" if m >= 100 or float(m).is_integer() else f"{m:.1f}"


def key_cell(xs: list[int]) -> str:
    """median (mean, max)"""
    return f"{statistics.median(xs):.0f} ({statistics.mean(xs):.0f}, {max(xs)})" if xs else "-"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a is not None and b else "-"


def report(bench: Bench, targets: list[Target], floors_of: list[Target], info: dict[str, str]) -> str:
    a = bench.args
    sizes = [f"{c}x{r}" for c, r in a.sizes]

    def get(*parts: str) -> Samples:
        return bench.results.get("/".join(parts), Samples())

    def median(xs: list[float]) -> float | None:
        return statistics.median(xs) if xs else None

    def floor_key(t: Target) -> str:
        return f"cat of {t.program.name}/{t.journey}"

    def above(t: Target, size: str) -> float | None:
        own, floor = median(get(t.key, size).first_frame_ms), median(get(floor_key(t), size).first_frame_ms)
        return own - floor if own is not None and floor is not None else None

    out = [
        f"Machine: {info['nproc']} CPUs, {info['cpu']}, Linux {info['kernel']}, Python {info['python']}, "
        f"load at the start {info['load']}; jgrid {info.get('jgrid') or '?'}; {info.get('sc-im') or 'no sc-im'}; "
        f"{info.get('visidata') or 'no VisiData'}",
    ]
    scim = next((t for t in targets if t.program.name == "sc-im"), None)
    jgrids = [t for t in floors_of if t.program.name.startswith("jgrid")]
    if scim and "100x30" in sizes:
        size = "100x30"
        out += [
            "",
            f"### jgrid and sc-im at {size}, typical journey (medians of {a.runs})",
            "",
            "First frame and the floor in ms; the floor is `cat` of the program's own first frame through "
            "the same pty. Ratios are jgrid / sc-im.",
            "",
            "| program | floor | first frame | above the floor | ratio | VmHWM, MB | ratio | bytes per move "
            "(`l`/`j`) | ratio |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        s_above = above(scim, size)
        s_hwm = median(get(scim.key, size).hwm_kib)
        s_move = median([*get(scim.key, size).bytes.get("l", []), *get(scim.key, size).bytes.get("j", [])])
        for t in [*jgrids, scim]:
            smp = get(t.key, size)
            hwm = median(smp.hwm_kib)
            move = median([*smp.bytes.get("l", []), *smp.bytes.get("j", [])])
            own_above = above(t, size)
            cells = [
                med(get(floor_key(t), size).first_frame_ms),
                med(smp.first_frame_ms),
                f"{own_above:.2f}" if own_above is not None else "-",
                ratio(own_above, s_above),
                f"{hwm / 1024:.2f}" if hwm else "-",
                ratio(hwm, s_hwm),
                f"{move:.0f}" if move is not None else "-",
                ratio(move, s_move),
            ]
            out.append(f"| {t.program.name} | " + " | ".join(cells) + " |")
    out += [
        "",
        f"### CPU time of start-up, ms (median of {a.runs}; /proc/PID/task/*/schedstat)",
        "",
        "From exec until start-up is done (after the first frame and its settle time; for `cat`, until it "
        "exits), summed over threads: time on a CPU, and time ready but waiting for one (how loaded the "
        "machine was). Unlike the wall-clock figures, time on a CPU hardly depends on the load.",
        "",
        "| program | journey | size | on a CPU | above its floor | waiting for a CPU | page faults |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for t in targets:
        for s in sizes:
            smp = get(t.key, s)
            cpu, floor_cpu = median(smp.cpu_ms), median(get(floor_key(t), s).cpu_ms)
            extra = f"{cpu - floor_cpu:.2f}" if cpu is not None and floor_cpu is not None else "-"
            out.append(f"| {t.program.name} | {t.journey} | {s} | {med(smp.cpu_ms)} | {extra} | {med(smp.runqueue_ms)} | {med(smp.faults)} |")
            if t in floors_of:
                f = get(floor_key(t), s)
                out.append(f"| floor: cat of {t.program.name} | {t.journey} | {s} | {med(f.cpu_ms)} | - | {med(f.runqueue_ms)} | {med(f.faults)} |")
    out += [
        "",
        f"### First complete frame, ms (median of {a.runs}); the floor is `cat` of the program's own first frame",
        "",
        "| program | journey | " + " | ".join(sizes) + " |",
        "| --- | --- |" + " ---: |" * len(sizes),
    ]
    for t in targets:
        out.append(f"| {t.program.name} | {t.journey} | " + " | ".join(med(get(t.key, s).first_frame_ms) for s in sizes) + " |")
        if t in floors_of:
            cells = [med(get(floor_key(t), s).first_frame_ms) for s in sizes]
            out.append(f"| floor: cat of {t.program.name} | {t.journey} | " + " | ".join(cells) + " |")
    if not a.no_startup:
        c, r = a.sizes[0]
        out += [
            "",
            f"### Start-up at {c}x{r}: a terminal that answers queries vs a dumb one, ms (median of {a.runs})",
            "",
            "| program | journey | answering | dumb | queries the program sent |",
            "| --- | --- | ---: | ---: | --- |",
        ]
        for t in targets:
            ans, dumb = get(t.key, "start-up", "answering"), get(t.key, "start-up", "dumb")
            seen = ", ".join(sorted(ans.queries | dumb.queries | get(t.key, f"{c}x{r}").queries)) or "none"
            out.append(f"| {t.program.name} | {t.journey} | {med(ans.first_frame_ms)} | {med(dumb.first_frame_ms)} | {seen} |")
    out += [
        "",
        f"### Bytes written per key: median (mean, max) over all presses of {a.runs} runs",
        "",
        f"Per run: 5 x `l`, 4 x `j`; jgrid also {len(TYPED)} characters typed in edit mode and 3 x PgDn from the top. "
        f"'immediate' counts only what came within {BURST * 1e3:.0f} ms of the answer's first byte; "
        "'ms' is the median time from a move key to the last byte of its answer.",
        "",
        "| program | journey | size | `l` | `j` | `l`/`j` immediate | typed character | PgDn | frames per key | ms |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in targets:
        for s in sizes:
            smp = get(t.key, s)
            moves = ("l", "j")
            immediate = [n for k in moves for n in smp.immediate.get(k, [])]
            latency = [x for k in moves for x in smp.latency_ms.get(k, [])]
            frames = [n for ns in smp.frames.values() for n in ns]
            frames_cell = f"{min(frames)}-{max(frames)}" if frames and max(frames) else "-"
            cells = [key_cell(smp.bytes.get("l", [])), key_cell(smp.bytes.get("j", [])), med(immediate)]
            cells += [key_cell(smp.bytes.get(k, [])) for k in ("char", "PgDn")]
            out.append(f"| {t.program.name} | {t.journey} | {s} | " + " | ".join(cells) + f" | {frames_cell} | {med(latency)} |")
    out += [
        "",
        f"### Peak memory (VmHWM just before quitting), MB (median of {a.runs})",
        "",
        "| program | journey | " + " | ".join(sizes) + " |",
        "| --- | --- |" + " ---: |" * len(sizes),
    ]
    for t in targets:
        cells = [f"{statistics.median(x) / 1024:.2f}" if (x := get(t.key, s).hwm_kib) else "-" for s in sizes]
        out.append(f"| {t.program.name} | {t.journey} | " + " | ".join(cells) + " |")
    if a.big_cell_runs:
        out += [
            "",
            f"### Typing into a cell that holds 1 MB of text, at 100x30 ({a.big_cell_runs} runs x 5 characters)",
            "",
            "| program | ms per character: median (each) | bytes per character: median | VmHWM, MB |",
            "| --- | ---: | ---: | ---: |",
        ]
        for t in bench.big:
            smp = get(t.key, "100x30", "big-cell")
            ms = smp.latency_ms.get("big-cell char", [])
            each = ", ".join(f"{x:.0f}" for x in ms)
            hwm = f"{statistics.median(smp.hwm_kib) / 1024:.1f}" if smp.hwm_kib else "-"
            out.append(f"| {t.program.name} | {med(ms)} ({each}) | {med(smp.bytes.get('big-cell char', []))} | {hwm} |")
    if not a.no_idle:
        out += [
            "",
            f"### Idle for {a.idle_seconds:g} s at 100x30 ({a.idle_runs} runs; a CPU tick is {1000 // CLK_TCK} ms)",
            "",
            "| program | journey | CPU ticks: median (each run) | bytes written: median (each run) |",
            "| --- | --- | ---: | ---: |",
        ]
        for t in targets:
            smp = get(t.key, "100x30", "idle")
            ticks, sent = ", ".join(map(str, smp.idle_ticks)), ", ".join(map(str, smp.idle_bytes))
            out.append(f"| {t.program.name} | {t.journey} | {med(smp.idle_ticks)} ({ticks}) | {med(smp.idle_bytes)} ({sent}) |")
    failures = [f for smp in bench.results.values() for f in smp.failures]
    out += ["", f"Failed sessions (left out): {len(failures)}"] + [f"- {f}" for f in failures]
    return "\n".join(out) + "\n"


def size_arg(text: str) -> tuple[int, int]:
    cols, _, rows = text.partition("x")
    try:
        return int(cols), int(rows)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 100x30") from None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20, help="sessions per measurement (default 20)")
    ap.add_argument("--sizes", type=size_arg, nargs="+", default=SIZES, help="terminal sizes (default 80x24 100x30 200x60)")
    ap.add_argument("--journeys", nargs="+", default=["typical", "large"], choices=["typical", "large"])
    ap.add_argument("--big-cell-runs", type=int, default=3, help="sessions typing into a 1 MB cell (default 3; 0: none)")
    ap.add_argument("--idle-runs", type=int, default=3, help="idle sessions per program (default 3)")
    ap.add_argument("--idle-seconds", type=float, default=10.0, help="length of an idle session (default 10)")
    ap.add_argument("--quick", action="store_true", help="3 runs, 1 idle run of 2 s: a smoke test")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-startup", action="store_true", help="leave out the start-up (answering/dumb) sessions")
    ap.add_argument("--no-idle", action="store_true", help="leave out the idle sessions")
    ap.add_argument("--no-visidata", action="store_true", help="leave VisiData out")
    ap.add_argument("--no-scim", action="store_true", help="leave sc-im out")
    ap.add_argument("--no-vim", action="store_true", help="leave vim (vim -u NONE) out")
    ap.add_argument("--scim", help="the sc-im binary (default: sc-im on the PATH)")
    ap.add_argument("--jgrid", help="the jgrid binary (default: target/release/jgrid)")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=BINARY", help="another jgrid build to measure")
    ap.add_argument("--json", type=Path, help="write every raw sample to this file")
    args = ap.parse_args()
    if args.quick:
        args.runs, args.idle_runs, args.idle_seconds = 3, 1, 2.0
    if any("=" not in v for v in args.also):
        ap.error("--also takes NAME=BINARY")
    with tempfile.TemporaryDirectory(prefix="ptybench-") as tmp:
        workdir = Path(tmp)
        targets, floors_of, big = prepare(args, workdir)
        evict_page_cache({t.program.argv[0] for t in targets})
        info = machine(args)
        bench = Bench(args, workdir)
        bench.big = big
        bench.all(targets, floors_of)
    print(report(bench, targets, floors_of, info))
    if args.json:
        raw = {k: {**vars(v), "queries": sorted(v.queries)} for k, v in bench.results.items()}
        opts = {k: str(v) for k, v in vars(args).items()}
        args.json.write_text(json.dumps({"machine": info, "args": opts, "results": raw}, indent=1))
    return 1 if any(smp.failures for smp in bench.results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
