#!/usr/bin/env bash
# Time what a user waits for on a journey with a huge cell, through the real
# program in tmux at 80x24 (issue 27.6):
#   open      start to the first frame (NORMAL on screen)
#   x         clear a small cell (x) until "[+] modified" shows
#   save      Ctrl-s until "Saved" shows
#   edit      enter the huge cell (i) until EDIT shows
#   keep      type one letter, Esc, until NORMAL shows again
#   save2     Ctrl-s again until "Saved"
# usage: bench/big_cell.sh JGRID JOURNEY [RUNS]   (prints one line per run, in seconds)
# Needs tmux and bc. Each run copies the journey to a fresh folder with its own data directory.
set -euo pipefail
jgrid=$(realpath "$1"); journey=$(realpath "$2"); runs=${3:-3}
sock="jgrid-bench-$$"
work=$(mktemp -d); trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tmux -L "$sock" new-session -d -s keep 'sleep 100000'
wait_for() { # TEXT: seconds until TEXT is on the screen
  local start end; start=$(date +%s.%N)
  while ! tmux -L "$sock" capture-pane -p -t t | grep -q -- "$1"; do
    sleep 0.01
    if (( $(echo "$(date +%s.%N) - $start > 60" | bc) )); then echo timeout; return; fi
  done
  end=$(date +%s.%N); printf '%.2f' "$(echo "$end - $start" | bc)"
}
echo "open x save edit keep save2"
for _ in $(seq "$runs"); do
  rm -rf "$work/run"; mkdir -p "$work/run/data"; cp "$journey" "$work/run/j.toml"
  tmux -L "$sock" new-session -d -s t -x 80 -y 24 -c "$work/run" \
    "env XDG_DATA_HOME=$work/run/data $jgrid j.toml; sleep 100"
  open=$(wait_for NORMAL)
  tmux -L "$sock" send-keys -t t j x; x=$(wait_for modified)
  tmux -L "$sock" send-keys -t t C-s; save=$(wait_for Saved)
  tmux -L "$sock" send-keys -t t k i; edit=$(wait_for EDIT)
  tmux -L "$sock" send-keys -t t -l X; sleep 1.5
  tmux -L "$sock" send-keys -t t Escape; keep=$(wait_for NORMAL)
  tmux -L "$sock" send-keys -t t C-s; save2=$(wait_for Saved)
  echo "$open $x $save $edit $keep $save2"
  tmux -L "$sock" send-keys -t t ':q!' Enter; sleep 0.5
  tmux -L "$sock" kill-session -t t 2>/dev/null || true
done
