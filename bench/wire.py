#!/usr/bin/env python3
"""Light on the wire: the bytes a remote user's link carries for each key, jgrid beside sc-im and
vim (`vim -u NONE`), in one run, at 100x30 on the same sample as bench/ptybench.py.

    python3 bench/wire.py                        # build, 5 runs, print Markdown
    python3 bench/wire.py --runs 9 --scim /path/to/sc-im --also before=/path/to/old/jgrid
    python3 bench/wire.py --ssh                  # also through a local sshd and a 40 ms delay proxy
    python3 bench/wire.py --journey typical --journey journeys/broadband-moving-house.toml

Each program runs in a fresh pseudo-terminal (see ptybench.Session); after each key the script
reads until the program has been quiet for 50 ms (vim: its Esc waits for `ttimeout`), and counts
every byte in between. The scenario, for every program where it means something:

- move: `l` x5 and `j` x4 (medians);
- lone Esc in normal mode, and 10 mouse-motion reports (SGR, no button held);
- Enter into a cell and Esc out (jgrid: Enter/Esc; vim: `i`/Esc; sc-im: `\\` (a label)/Esc), 3 times;
- `H` on and off (jgrid's highlight mode);
- a 200-character sentence typed at 10 characters a second into a cell (vim: in insert mode on a
  line of the file; sc-im: in its input line): the total, and the largest answer to one key (for
  jgrid, the keys that wrap the cell onto a new line are the large ones);
- the first frame's bytes.

With `--ssh` (and `sshd`, `ssh`, `ssh-keygen` installed), the same scenario runs a second time
through OpenSSH on 127.0.0.1: a throw-away sshd (its own host key, a key for this user, on a
free port) behind a proxy that delays every chunk by `--delay-ms` (40) each way and counts the
bytes on the wire (encrypted, with SSH's framing); "wire B" is the bytes from sshd to the client.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ptybench as pb  # noqa: E402

SENTENCE = (
    "The customer called twice about the moving date and the router that never arrived; the "
    "agent promised a callback within a day, which did not happen, so she switched to another "
    "provider in the end."
)[:200]
MOTION = b"\x1b[<35;40;12M"  # SGR mouse report: motion, no button held, column 40, row 12
KEY_GAP = 0.1  # seconds between the keys of the sentence: 10 characters a second


@dataclass
class Peer:
    name: str
    argv: list[str]
    file: Path
    quit: bytes
    enter: bytes | None  # into a cell (None: nothing comparable)
    leave: bytes
    highlight: bytes | None
    to_text: bytes  # keys (unmeasured) before the sentence, to reach a place to type
    mouse: bool = True  # whether it asks for mouse reports (vim -u NONE does not: they would be keys)
    esc_timeout: float = 2.0


@dataclass
class Result:
    bytes: dict[str, list[int]] = field(default_factory=dict)
    wire: dict[str, list[int]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def add(self, key: str, n: int, wire: int | None = None) -> None:
        self.bytes.setdefault(key, []).append(n)
        if wire is not None:
            self.wire.setdefault(key, []).append(wire)


class Proxy:
    """A TCP proxy on 127.0.0.1 that delays every chunk by `delay` seconds each way and counts
    the bytes going down (server to client)."""

    def __init__(self, target_port: int, delay: float):
        self.target_port, self.delay = target_port, delay
        self.down = 0
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            for a, b, down in ((client, server, False), (server, client, True)):
                threading.Thread(target=self._pump, args=(a, b, down), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, down: bool) -> None:
        # A queue per direction keeps the order; each chunk leaves `delay` after it came.
        queue: list[tuple[float, bytes]] = []
        cv = threading.Condition()

        def sender() -> None:
            while True:
                with cv:
                    while not queue:
                        cv.wait()
                    due, data = queue.pop(0)
                if not data:
                    try:
                        dst.shutdown(socket.SHUT_WR)
                    except OSError:
                        pass
                    return
                time.sleep(max(0.0, due - time.monotonic()))
                try:
                    dst.sendall(data)
                except OSError:
                    return

        threading.Thread(target=sender, daemon=True).start()
        while True:
            try:
                data = src.recv(1 << 16)
            except OSError:
                data = b""
            if down and data:
                with self.lock:
                    self.down += len(data)
            with cv:
                queue.append((time.monotonic() + self.delay, data))
                cv.notify()
            if not data:
                return

    def close(self) -> None:
        self.listener.close()


class Sshd:
    """A throw-away sshd on a free port of 127.0.0.1 that lets this user in with a fresh key."""

    def __init__(self, workdir: Path):
        self.dir = workdir / "sshd"
        self.dir.mkdir()
        for name in ("host", "user"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.dir / name)], check=True)
        (self.dir / "authorized_keys").write_text((self.dir / "user.pub").read_text())
        os.chmod(self.dir / "authorized_keys", 0o600)
        with socket.create_server(("127.0.0.1", 0)) as s:
            self.port = s.getsockname()[1]
        config = self.dir / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {self.dir / 'host'}\n"
            f"AuthorizedKeysFile {self.dir / 'authorized_keys'}\nPidFile {self.dir / 'pid'}\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
            "PermitRootLogin yes\nPermitUserEnvironment no\nAcceptEnv LANG LC_ALL TERM\nPrintMotd no\nPrintLastLog no\n"
        )
        os.makedirs("/run/sshd", exist_ok=True)
        sshd = shutil.which("sshd") or "/usr/sbin/sshd"
        self.proc = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port)).close()
                break
            except OSError:
                time.sleep(0.05)

    def argv(self, proxy_port: int, remote: list[str]) -> list[str]:
        opts = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"]
        return ["ssh", "-tt", *opts, "-i", str(self.dir / "user"), "-p", str(proxy_port), "127.0.0.1", *remote]

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=5)


def session(p: Peer, workdir: Path, n: int, out: Result, ssh: tuple[Sshd, Proxy] | None) -> None:
    argv = [*p.argv, str(p.file)]
    e = pb.fresh_env(workdir, n)
    if ssh:
        sshd, proxy = ssh
        remote = ["env", *(f"{k}={v}" for k, v in e.items() if k != "PATH"), *argv]
        argv = sshd.argv(proxy.port, remote)
    wire = (lambda: ssh[1].down) if ssh else (lambda: None)
    w_start = wire()
    s = pb.Session(argv, 100, 30, e, answer=True)
    quiet = 0.25 if ssh else 0.05  # through the delay proxy an answer may come in two parts

    def press(name: str | None, key: bytes, timeout: float = 2.0) -> int:
        w0 = wire()
        a = s.press(key, quiet, answer_timeout=timeout)
        if name:
            w1 = wire()
            out.add(name, a.bytes, None if w0 is None or w1 is None else w1 - w0)
        return a.bytes

    try:
        s.wait_until(lambda o: len(o) > 0, timeout=20)
        s.settle(0.5 if ssh else 0.3)
        # Over ssh, the first frame's wire bytes include the connection's set-up.
        out.add("first frame", len(s.out), None if w_start is None else wire() - w_start)
        for _ in range(5):
            press("move (l)", b"l")
        for _ in range(4):
            press("move (j)", b"j")
        press("lone Esc", b"\x1b", p.esc_timeout)
        if p.mouse:
            w0 = wire()
            motion = sum(s.press(MOTION, quiet, answer_timeout=0.2).bytes for _ in range(10))
            out.add("10 mouse-motion reports", motion, None if w0 is None else wire() - w0)
        for _ in range(3):
            if p.enter is not None:
                press("Enter (into a cell)", p.enter)
                press("Esc (out of it)", p.leave, p.esc_timeout)
        if p.highlight is not None:
            for _ in range(2):
                press("H on", p.highlight)
                press("H off", p.highlight)
        for key in p.to_text:
            press(None, bytes([key]), p.esc_timeout)
        total, largest, w0 = 0, 0, wire()
        for ch in SENTENCE:
            t0 = time.perf_counter()
            n = press(None, ch.encode())
            total, largest = total + n, max(largest, n)
            time.sleep(max(0.0, KEY_GAP - (time.perf_counter() - t0)))
        s.settle(1.5 if not ssh else 2.0)  # anything written once typing pauses
        out.add("sentence (200 chars at 10/s)", total + 0, None if w0 is None else wire() - w0)
        out.add("largest answer to one key of it", largest)
        press(None, p.leave, p.esc_timeout)
    finally:
        s.close(p.quit)


def peers(args: argparse.Namespace, workdir: Path, journey: str) -> list[Peer]:
    release = pb.target_dir() / "release"
    stem = "typical" if journey == "typical" else Path(journey).stem
    toml = workdir / f"{stem}.toml"
    if journey == "typical":
        with open(toml, "wb") as f:
            subprocess.run([str(release / "examples" / "gen_journey"), "typical"], check=True, stdout=f)
    else:
        shutil.copyfile(journey, toml)
    sc = workdir / f"{stem}.sc"
    sc.write_text(pb.sc_file(pb.tomllib.loads(toml.read_text())))
    out = []
    for name, binary in [("jgrid", args.jgrid or str(release / "jgrid")), *(v.split("=", 1) for v in args.also)]:
        label = name if name == "jgrid" else f"jgrid[{name}]"
        out.append(Peer(label, [binary], toml, b":q!\r", b"\r", b"\x1b", b"H", b"\r"))
    scim = args.scim or shutil.which("sc-im")
    if scim:
        out.append(Peer("sc-im", [scim], sc, b":q!\r", b"\\", b"\x1b", None, b"\\"))
    else:
        print("sc-im not found (--scim PATH): leaving it out", file=sys.stderr)
    vim = shutil.which("vim")
    if vim:
        out.append(Peer("vim", [vim, "-u", "NONE"], toml, b"\x1b:q!\r", b"i", b"\x1b", None, b"jjjji", mouse=False))
    return out


def table(results: dict[str, Result], names: list[str], wire: bool) -> str:
    keys: list[str] = []
    for r in results.values():
        keys += [k for k in r.bytes if k not in keys]
    head = "| bytes (median) | " + " | ".join(names) + " |"
    lines = [head, "|" + "---|" * (len(names) + 1)]
    for k in keys:
        cells = []
        for n in names:
            xs = (results[n].wire if wire else results[n].bytes).get(k)
            cells.append(f"{statistics.median(xs):,.0f}" if xs else "–")
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--jgrid", help="the jgrid binary (default: target/release/jgrid)")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=BINARY", help="another jgrid build")
    ap.add_argument("--scim", help="the sc-im binary (default: sc-im on the PATH)")
    ap.add_argument("--ssh", action="store_true", help="also through a local sshd and a delay proxy")
    ap.add_argument("--delay-ms", type=float, default=40.0, help="the proxy's delay each way (default 40)")
    ap.add_argument(
        "--journey",
        action="append",
        default=[],
        metavar="PATH",
        help="a journey file to run the scenario on (repeatable; `typical`: the generated one, the default)",
    )
    args = ap.parse_args()
    if not args.no_build:
        for argv in (["cargo", "build", "--release"], ["cargo", "build", "--release", "--example", "gen_journey"]):
            subprocess.run(argv, cwd=pb.REPO, check=True)
    failed = 0
    for journey in args.journey or ["typical"]:
        print(f"\n## {journey}", flush=True)
        with tempfile.TemporaryDirectory(prefix="wirebench-") as tmp:
            failed += run(args, Path(tmp), journey)
    print(f"\nCommand: python3 bench/wire.py {' '.join(sys.argv[1:])}")
    return 1 if failed else 0


def run(args: argparse.Namespace, workdir: Path, journey: str) -> int:
    ps = peers(args, workdir, journey)
    modes: list[tuple[str, tuple[Sshd, Proxy] | None]] = [("pty", None)]
    sshd = proxy = None
    if args.ssh:
        if all(shutil.which(t) or Path(f"/usr/sbin/{t}").exists() for t in ("sshd", "ssh", "ssh-keygen")):
            sshd = Sshd(workdir)
            proxy = Proxy(sshd.port, args.delay_ms / 1e3)
            modes.append(("ssh", (sshd, proxy)))
        else:
            print("sshd, ssh or ssh-keygen missing: pty byte counts only", file=sys.stderr)
    n = 0
    try:
        for mode, ssh in modes:
            results = {p.name: Result() for p in ps}
            for i in range(args.runs):
                print(f"{Path(journey).stem} {mode}: run {i + 1}/{args.runs}", file=sys.stderr)
                for p in ps:
                    n += 1
                    try:
                        session(p, workdir, n, results[p.name], ssh)
                    except (pb.BenchError, OSError) as e:
                        results[p.name].failures.append(str(e))
                        print(f"  FAILED {p.name}: {e}", file=sys.stderr)
            names = [p.name for p in ps]
            title = "in a pty" if ssh is None else f"over ssh, {args.delay_ms:g} ms each way"
            print(f"\n### Bytes to the terminal {title} (100x30, {args.runs} runs)\n")
            print(table(results, names, wire=False))
            if ssh is not None:
                print(f"\n### Bytes on the wire (sshd to client, encrypted), {args.delay_ms:g} ms each way\n")
                print(table(results, names, wire=True))
            for name, r in results.items():
                for f in r.failures:
                    print(f"- {name} failed: {f}")
    finally:
        if proxy:
            proxy.close()
        if sshd:
            sshd.close()
    return sum(len(r.failures) for r in results.values())


if __name__ == "__main__":
    sys.exit(main())
