#!/usr/bin/env bash
# CPU time (user + sys, from /usr/bin/time) of whole sessions on a journey
# with a huge cell, through the real program in tmux at 80x24: less
# sensitive to a loaded machine than the waits of bench/big_cell.sh.
#   open:  start, then :q!
#   save:  start, x on a small cell, Ctrl-s, :q!
#   edit:  start, i in the huge cell, a letter, Esc, Ctrl-s, :q!
# usage: bench/big_cell_cpu.sh JGRID JOURNEY [RUNS]
set -euo pipefail
jgrid=$(realpath "$1"); journey=$(realpath "$2"); runs=${3:-3}
sock="jgrid-cpu-$$"
work=$(mktemp -d); trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tmux -L "$sock" new-session -d -s keep 'sleep 100000'
until_screen() { local n=0; while ! tmux -L "$sock" capture-pane -p -t t | grep -q -- "$1"; do sleep 0.02; n=$((n+1)); [ $n -gt 3000 ] && return 1; done; }
session() { # NAME KEYS...
  rm -rf "$work/run"; mkdir -p "$work/run/data"; cp "$journey" "$work/run/j.toml"
  tmux -L "$sock" new-session -d -s t -x 80 -y 24 -c "$work/run" \
    "env XDG_DATA_HOME=$work/run/data /usr/bin/time -f '%U %S' -o $work/run/cpu $jgrid j.toml; sleep 100"
  until_screen NORMAL
  case $1 in
    save) tmux -L "$sock" send-keys -t t j x; until_screen modified
          tmux -L "$sock" send-keys -t t C-s; until_screen Saved ;;
    edit) tmux -L "$sock" send-keys -t t i; until_screen EDIT
          tmux -L "$sock" send-keys -t t -l X; sleep 1.5
          tmux -L "$sock" send-keys -t t Escape; until_screen NORMAL
          tmux -L "$sock" send-keys -t t C-s; until_screen Saved ;;
  esac
  tmux -L "$sock" send-keys -t t ':q!' Enter
  local n=0; while [ ! -s "$work/run/cpu" ]; do sleep 0.05; n=$((n+1)); [ $n -gt 600 ] && break; done
  tmux -L "$sock" kill-session -t t 2>/dev/null || true
  awk '{printf "%.2f", $1 + $2}' "$work/run/cpu"
}
echo "open save edit   (CPU seconds per session)"
for _ in $(seq "$runs"); do
  echo "$(session open) $(session save) $(session edit)"
done
