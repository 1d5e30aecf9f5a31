#!/usr/bin/env python3
"""Journeys in git, scenario by scenario, in real repositories.

Runs every scenario with one or two jgrid binaries ("before" and "after")
and prints a Markdown table: scenario | workflow | before | after. Each
scenario builds its own repositories in a temporary folder, with no global or
system git config, and jgrid named in git's config by its absolute path.

    python3 bench/git_scenarios.py --after target/release/jgrid --before /tmp/jgrid-before
    python3 bench/git_scenarios.py --after target/release/jgrid --git /usr/bin/git

The journeys come from journeys/ in this repository. Needs git 2.38 or newer
(2.44 or newer passes the branch names as conflict labels).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "journeys", "broadband-moving-house.toml")
GIT = "git"


def env(home):
    e = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "LANG": "C.UTF-8",
        "GIT_AUTHOR_DATE": "2026-12-01T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-12-01T10:00:00Z",
    }
    return e


class Repo:
    def __init__(self, path, jgrid):
        self.path = path
        self.jgrid = jgrid

    def run(self, *args, input=None, check=False):
        p = subprocess.run(list(args), cwd=self.path, env=env(self.path), input=input,
                           capture_output=True, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(f"{args}: {p.returncode}\n{p.stdout}{p.stderr}")
        return p

    def git(self, *args, check=True, input=None):
        return self.run(GIT, *args, check=check, input=input)

    def j(self, *args, check=False):
        return self.run(self.jgrid, *args, check=check)

    def write(self, name, text, newline="\n"):
        full = os.path.join(self.path, name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", newline=newline) as f:
            f.write(text)

    def read(self, name):
        with open(os.path.join(self.path, name), newline="") as f:
            return f.read()

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def add(self, phase, row, text, file="j.toml"):
        return self.j("add", file, "--phase", phase, "--row", row, text)

    def setup(self, *extra):
        p = self.j("git-setup", "--absolute-path", *extra)
        if p.returncode != 0 and "--absolute-path" in p.stderr:
            p = self.j("git-setup", *extra)  # a jgrid from before --absolute-path
        return p


def new_repo(tmp, name, jgrid, setup=True):
    path = os.path.join(tmp, name)
    os.makedirs(path)
    r = Repo(path, jgrid)
    r.git("init", "-q", "-b", "main")
    r.git("config", "user.name", "Anna")
    r.git("config", "user.email", "anna@example.com")
    if setup:
        r.setup()
    with open(SAMPLE) as f:
        r.write("j.toml", f.read())
    r.commit("base")
    return r


def set_toml(r, old, new, file="j.toml"):
    text = r.read(file)
    assert old in text, old
    r.write(file, text.replace(old, new, 1), newline="")


def markers(text):
    return len(re.findall(r"^<<<<<<<", text, re.M))


def loads(r, file="j.toml"):
    return r.j("check", file).returncode in (0, 1)


def state(r, merge, file="j.toml"):
    """What a merge left: git's verdict, markers, whether the file loads."""
    text = r.read(file)
    verdict = "clean" if merge.returncode == 0 else "CONFLICT"
    ok = "loads" if loads(r, file) else "does not load"
    return f"git: {verdict}, {markers(text)} marker blocks, file {ok}"


def recorded(r, file="j.toml"):
    return r.read(file).count("[[conflict]]")


def branches(r, theirs_edit, ours_edit):
    r.git("checkout", "-q", "-b", "feature")
    theirs_edit(r)
    r.commit("theirs")
    r.git("checkout", "-q", "main")
    ours_edit(r)
    r.commit("ours")


# --- scenarios: each returns one short outcome -------------------------------------------------


def rename_diff(tmp, jgrid, command):
    r = new_repo(tmp, "rename", jgrid)
    r.git("mv", "j.toml", "bike.toml")
    r.add("2", "Need", "Book on Sunday", file="bike.toml")
    r.git("add", "-A")
    if command != "diff":
        r.commit("moved")
    args = {"diff": ["diff", "--cached"], "show": ["show", "--ext-diff", "--format="],
            "log": ["log", "-p", "--follow", "--ext-diff", "--format=", "--", "bike.toml"]}[command]
    p = r.git(*args, check=False)
    if p.returncode != 0:
        return f"exit {p.returncode}: `{p.stderr.strip().splitlines()[-1]}`"
    shown = "Order move › Need\n+Book on Sunday" in p.stdout
    return f"exit 0, {'shows `Order move › Need` `+Book on Sunday`' if shown else 'no cell change shown'}"


def crlf_add(tmp, jgrid):
    origin = new_repo(tmp, "origin", jgrid)
    path = os.path.join(tmp, "crlf")
    subprocess.run([GIT, "clone", "-q", "-c", "core.autocrlf=true", origin.path, path], env=env(tmp), check=True)
    r = Repo(path, jgrid)
    r.add("2", "Need", "from the CRLF clone")
    escapes = r.read("j.toml").count("\\r")
    stat = r.git("diff", "--numstat").stdout.split()
    return f"{escapes} `\\r` escapes in the file; diff: +{stat[0]} -{stat[1]} lines"


def crlf_week(tmp, jgrid):
    bare = os.path.join(tmp, "origin.git")
    seed = new_repo(tmp, "seed", jgrid)
    subprocess.run([GIT, "clone", "-q", "--bare", seed.path, bare], env=env(tmp), check=True)
    clones = []
    for name, crlf in (("lf", "false"), ("crlf", "true")):
        path = os.path.join(tmp, name)
        subprocess.run([GIT, "clone", "-q", "-c", f"core.autocrlf={crlf}", bare, path], env=env(tmp), check=True)
        c = Repo(path, jgrid)
        c.git("config", "user.name", name)
        c.git("config", "user.email", f"{name}@example.com")
        c.git("config", "pull.rebase", "false")
        c.setup()
        clones.append(c)
    conflicts = 0
    rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"]
    for day in range(5):
        for k, c in enumerate(clones):
            # Both clones add to the same cell (merged as notes) and to a cell of their own.
            c.add(str(day % 3 + 1), "Need", f"day {day}: {os.path.basename(c.path)} heard this")
            c.add(str(day % 3 + 1), rows[1 + k], f"day {day}: {os.path.basename(c.path)} own cell")
            c.commit(f"day {day}")
            pull = c.git("pull", "-q", "--no-edit", check=False)
            if pull.returncode != 0:
                conflicts += 1
                c.git("add", "-A")
                c.git("commit", "-q", "--no-edit", check=False)
            c.git("push", "-q", check=False)
    clones[0].git("pull", "-q", "--no-edit", check=False)
    head = subprocess.run([GIT, "--git-dir", bare, "show", "main:j.toml"], env=env(tmp), capture_output=True,
                          text=True).stdout
    crs = head.count("\\r") + head.count("\r")
    return f"{conflicts} conflicted pulls, {crs} `\\r` in the shared journey"


def crlf_blobs(tmp, jgrid):
    r = new_repo(tmp, "blobs", jgrid)

    def theirs(r):
        # A colleague's editor wrote CRLF, and their git committed it as it is.
        set_toml(r, "Working internet on moving day", "Working internet from the first evening")
        r.write("j.toml", r.read("j.toml").replace("\r\n", "\n").replace("\n", "\r\n"), newline="")

    branches(r, theirs, lambda r: set_toml(r, "Know the installation date", "Know the date and hour"))
    m = r.git("merge", "--no-edit", "feature", check=False)
    return state(r, m)


def values_two_ways(tmp, jgrid, workflow):
    r = new_repo(tmp, "mood", jgrid)

    def mood(value):
        return lambda r: set_toml(r, "mood = 1\n", f"mood = {value}\n")

    branches(r, mood(2), mood(-2))  # feature: 2, main: -2
    if workflow == "merge":
        m = r.git("merge", "--no-edit", "feature", check=False)
        who = "theirs'"
    else:
        # The puller's own commit (mood 2) is replayed onto main (mood -2).
        r.git("checkout", "-q", "feature")
        m = r.git("rebase", "main", check=False)
        who = "the puller's"
    text = r.read("j.toml")
    kept = re.search(r"^(mood|theirs) = 2$", text, re.M)
    verdict = "clean" if m.returncode == 0 else "stops (CONFLICT)"
    how = f"kept, recorded as `[[conflict]]` ({recorded(r)})" if kept and recorded(r) else ("kept" if kept else "lost (said on stderr only)")
    return f"git: {verdict}; {who} mood 2 {how}"


def delete_vs_mood(tmp, jgrid):
    r = new_repo(tmp, "delmood", jgrid)
    theirs = lambda r: set_toml(r, "mood = -2\n", "mood = 1\n")

    def ours(r):
        text = r.read("j.toml")
        start = text.index("[[phase]]\nname = \"Confirmation\"")
        end = text.index("[[phase]]", start + 5)
        r.write("j.toml", text[:start] + text[end:])

    branches(r, theirs, ours)
    m = r.git("merge", "--no-edit", "feature", check=False)
    kept = "name = \"Confirmation\"" in r.read("j.toml")
    return f"git: {'clean' if m.returncode == 0 else 'CONFLICT'}, phase {'kept, deletion recorded' if kept else 'gone with its new mood'}"


def both_moved(tmp, jgrid):
    r = new_repo(tmp, "moved", jgrid)

    def move(to_front):
        def edit(r):
            text = r.read("j.toml")
            blocks = text.split("\n[[phase]]\n")
            head, phases = blocks[0], blocks[1:]
            phases.insert(0 if to_front else 1, phases.pop(2))
            r.write("j.toml", "\n[[phase]]\n".join([head] + phases))
        return edit

    branches(r, move(False), move(True))
    m = r.git("merge", "--no-edit", "feature", check=False)
    return f"git: {'clean' if m.returncode == 0 else 'CONFLICT'}, {recorded(r)} recorded order conflict"


def theirs_unreadable(tmp, jgrid):
    r = new_repo(tmp, "unreadable", jgrid)
    # Theirs leaves a name half-edited: their version does not load.
    branches(r, lambda r: set_toml(r, "name = \"Moving day\"", "name = \"Moving day"),
             lambda r: set_toml(r, "Know the installation date", "Know the date"))
    m = r.git("merge", "--no-edit", "feature", check=False)
    text = r.read("j.toml")
    has_theirs = "name = \"Moving day\n" in text
    return f"git: {'clean' if m.returncode == 0 else 'CONFLICT'}, {markers(text)} marker blocks, theirs' text {'in the file' if has_theirs else 'LOST on git add'}"


def driver_missing(tmp, jgrid):
    r = new_repo(tmp, "missing", jgrid)
    driver = r.git("config", "merge.jgrid.driver").stdout.strip()
    r.git("config", "merge.jgrid.driver", driver.replace(jgrid, "/gone/jgrid").replace("'/gone/jgrid'", "/gone/jgrid"))
    branches(r, lambda r: r.add("2", "Need", "theirs note"), lambda r: r.add("2", "Need", "ours note"))
    m = r.git("merge", "--no-edit", "feature", check=False)
    text = r.read("j.toml")
    return f"git: {'clean' if m.returncode == 0 else 'CONFLICT'}, {markers(text)} marker blocks, theirs' note {'in the file' if 'theirs note' in text else 'LOST on git add'}"


def without_driver(tmp, jgrid, stages):
    r = new_repo(tmp, "nodriver", jgrid, setup=False)
    branches(r, lambda r: (r.add("2", "Need", "theirs note"), set_toml(r, "Know the installation date", "Know the day")),
             lambda r: (r.add("2", "Need", "ours note"), set_toml(r, "Know the installation date", "Know the hour")))
    r.git("merge", "--no-edit", "feature", check=False)
    if not stages:
        r.git("add", "j.toml")
    p = r.j("resolve", "j.toml")
    if p.returncode not in (0, 1):
        first = (p.stderr.strip().splitlines() or [""])[0][:60]
        return f"`jgrid resolve`: exit {p.returncode} (`{first}`); the file does not load ({markers(r.read('j.toml'))} blocks)"
    check = r.j("check", "--conflicts", "j.toml")
    text = r.read("j.toml")
    both = "ours note" in text and "theirs note" in text
    return f"`jgrid resolve` exit {p.returncode}: loads, {check.stdout.strip().splitlines()[-1].split(': ')[-1]}, both notes {'kept' if both else 'NOT kept'}"


def hook(tmp, jgrid):
    r = new_repo(tmp, "hook", jgrid)
    p = r.setup("--hook")
    if p.returncode != 0:
        installed = "no `--hook`"
    else:
        installed = "hook installed"
    r.write("j.toml", r.read("j.toml") + "<<<<<<< HEAD\ntitle = \"a\"\n=======\ntitle = \"b\"\n>>>>>>> x\n")
    r.git("add", "-A")
    c = r.git("commit", "-q", "-m", "conflicted", check=False)
    return f"{installed}; commit of a journey with markers: {'refused' if c.returncode != 0 else 'committed'}"


def labels_and_style(tmp, jgrid, style):
    r = new_repo(tmp, "labels", jgrid)
    if style:
        r.git("config", "merge.conflictStyle", style)
    branches(r, lambda r: set_toml(r, "Know the installation date", "Know the day"),
             lambda r: set_toml(r, "Know the installation date", "Know the hour"))
    r.git("merge", "--no-edit", "feature", check=False)
    text = r.read("j.toml")
    first = re.search(r"^<<<<<<<.*$", text, re.M)
    base = "base shown (`|||||||`)" if re.search(r"^\|\|\|\|\|\|\|", text, re.M) else "no base"
    close = re.search(r"^>>>>>>>.*$", text, re.M)
    return f"`{first.group(0) if first else '-'}` … `{close.group(0) if close else '-'}`, {base}"


def control_characters(tmp, jgrid):
    r = new_repo(tmp, "controls", jgrid)
    branches(r, lambda r: set_toml(r, "Working internet on moving day", "Working internet \\u009B31m\\u202Eday"),
             lambda r: set_toml(r, "Know the installation date", "Know the date"))
    r.git("merge", "--no-edit", "feature", check=False)
    text = r.read("j.toml")
    raw = sum(text.count(c) for c in "\u009b\u202e")
    return f"{raw} raw U+009B/U+202E in the merged file"


def everyday(tmp, jgrid, workflow):
    r = new_repo(tmp, "daily", jgrid)
    branches(r, lambda r: r.add("1", "Need", "theirs note"), lambda r: r.add("1", "Need", "ours note"))
    if workflow == "cherry-pick":
        p = r.git("cherry-pick", "feature", check=False)
    elif workflow == "stash pop":
        r.git("reset", "-q", "--hard", "HEAD~1")
        r.add("1", "Need", "stashed note")
        r.git("stash", "-q")
        r.add("1", "Need", "ours note")
        r.commit("ours again")
        p = r.git("stash", "pop", check=False)
    elif workflow == "revert":
        r.add("1", "Touchpoints", "#chat later")
        r.commit("more")
        p = r.git("revert", "--no-edit", "HEAD~1", check=False)
    else:
        raise ValueError(workflow)
    return state(r, p)


def server_merge(tmp, jgrid):
    # A hosting server merges with git's own line merge: no driver is configured there.
    r = new_repo(tmp, "server", jgrid, setup=False)
    r.write(".gitattributes", "*.toml merge=jgrid diff=jgrid\n")
    r.commit("attributes")
    branches(r, lambda r: r.add("1", "Need", "theirs note"), lambda r: r.add("1", "Need", "ours note"))
    p = r.git("merge-tree", "--write-tree", "main", "feature", check=False)
    tree = p.stdout.split()[0]
    r.write("ci.toml", r.git("show", f"{tree}:j.toml").stdout)
    c = r.j("check", "--conflicts", "ci.toml")
    how = "`jgrid check --conflicts`"
    if "--conflicts" in c.stderr:
        c, how = r.j("check", "ci.toml"), "`jgrid check` (no `--conflicts`)"
    said = (c.stdout.strip().splitlines() or c.stderr.strip().splitlines() or [""])[0]
    said = said.split(": ", 1)[-1][:70]
    return f"merge-tree exit {p.returncode}; CI {how}: exit {c.returncode}, `{said}`"


def uncovered(tmp, jgrid):
    r = new_repo(tmp, "cover", jgrid, setup=False)
    with open(SAMPLE) as f:
        r.write("journeys/2025/a.toml", f.read())
    p = r.setup("journeys/*.toml")
    return "warns: journeys/2025/a.toml not covered" if "not covered" in p.stderr else "says nothing"


def patch_apply(tmp, jgrid, no_ext):
    r = new_repo(tmp, "patch", jgrid)
    r.add("1", "Need", "patched note")
    args = ["diff", "--no-ext-diff"] if no_ext else ["diff"]
    patch = r.git(*args).stdout
    r.git("checkout", "-q", "--", "j.toml")
    p = r.git("apply", "-", check=False, input=patch)
    return "applies" if p.returncode == 0 else f"`git apply` fails (exit {p.returncode})"


SCENARIOS = [
    ("moved and edited journey", "`git mv`, `jgrid add`, `git diff --cached`", lambda t, j: rename_diff(t, j, "diff")),
    ("moved and edited journey", "`git show --ext-diff`", lambda t, j: rename_diff(t, j, "show")),
    ("moved and edited journey", "`git log -p --follow --ext-diff`", lambda t, j: rename_diff(t, j, "log")),
    ("one `jgrid add` in a `core.autocrlf=true` clone", "add", crlf_add),
    ("a week of adds and pulls, LF clone and CRLF clone", "add, commit, `git pull` (merge), push", crlf_week),
    ("theirs committed with CRLF, ours LF, different cells", "`git merge`", crlf_blobs),
    ("mood changed two ways", "`git merge`", lambda t, j: values_two_ways(t, j, "merge")),
    ("mood changed two ways", "`git pull --rebase` (rebase onto main)", lambda t, j: values_two_ways(t, j, "rebase")),
    ("phase deleted / its mood changed", "`git merge`", delete_vs_mood),
    ("the same phase moved two ways", "`git merge`", both_moved),
    ("theirs does not load (half-edited)", "`git merge`", theirs_unreadable),
    ("driver not where git's config says", "`git merge`", driver_missing),
    ("merged without the driver (git's markers)", "`git merge`, `jgrid resolve`", lambda t, j: without_driver(t, j, True)),
    ("… after `git add` (stages gone)", "`jgrid resolve`", lambda t, j: without_driver(t, j, False)),
    ("commit a journey with conflict markers", "`git-setup --hook`, `git commit`", hook),
    ("the same line changed two ways: labels", "`git merge feature`", lambda t, j: labels_and_style(t, j, None)),
    ("… with `merge.conflictStyle=diff3`", "`git merge feature`", lambda t, j: labels_and_style(t, j, "diff3")),
    ("`\\u009B` and `\\u202E` escapes in a cell", "`git merge`", control_characters),
    ("notes added on both sides", "`git cherry-pick`", lambda t, j: everyday(t, j, "cherry-pick")),
    ("notes added on both sides", "`git stash pop`", lambda t, j: everyday(t, j, "stash pop")),
    ("a commit undone after a later one", "`git revert`", lambda t, j: everyday(t, j, "revert")),
    ("notes added on both sides, merged by a server (no driver)", "`git merge-tree --write-tree`, CI check", server_merge),
    ("journeys in a subfolder, pattern `journeys/*.toml`", "`jgrid git-setup`", uncovered),
    ("a patch of a journey", "`git diff > x.patch`, `git apply`", lambda t, j: patch_apply(t, j, False)),
    ("… made with `--no-ext-diff`", "`git diff --no-ext-diff`, `git apply`", lambda t, j: patch_apply(t, j, True)),
]


def run(jgrid, scenario):
    tmp = tempfile.mkdtemp(prefix="jgrid-git-")
    try:
        return scenario(tmp, os.path.abspath(jgrid))
    except Exception as e:  # a scenario that breaks says so in its cell
        return f"error: {str(e).splitlines()[0][:80]}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    global GIT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--after", required=True, help="the jgrid to measure")
    parser.add_argument("--before", help="an earlier jgrid to compare with")
    parser.add_argument("--git", default="git", help="the git to use")
    args = parser.parse_args()
    GIT = args.git
    version = subprocess.run([GIT, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"<!-- {version} -->")
    columns = ["scenario", "workflow"] + (["before"] if args.before else []) + ["after"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for name, workflow, scenario in SCENARIOS:
        cells = [name, workflow]
        if args.before:
            cells.append(run(args.before, scenario))
        cells.append(run(args.after, scenario))
        print("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
