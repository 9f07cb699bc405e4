#!/usr/bin/env bash
# Measures launch → first customer line on screen for the full-screen practice, under tmux.
#
#   scripts/measure-startup.sh [debug|release ...]     (default: release)
#
# Each run starts `kashuv practice` (the default Hebrew scenario) in a fresh 100×30 tmux
# session (with --address, so that the one-time question how to address the trainee is not
# asked: it is asked once, on a trainee's first start). Two figures per run:
#   inside  — the program appends the time from just before exec (KASHUV_TIMING_START, taken
#             with `date +%s%N` in the pane) to the first frame sent to the terminal
#             (KASHUV_TIMING_FILE); this is the number the ≤ 100 ms target is about;
#   outside — from just before `tmux new-session` until `capture-pane` shows the customer's
#             first line in visual order (includes starting tmux and the 2 ms polling).
# Environment: RUNS (default 20), SCRATCH (SwiftPM scratch path, default .build),
# BUILD=0 to skip building.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
scratch=${SCRATCH:-.build}
configurations=("$@")
((${#configurations[@]})) || configurations=(release)
command -v tmux >/dev/null || { echo "measure-startup: tmux is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# "סוף סוף בן אדם!" as the screen shows it (visual order).
expected='!םדא ןב ףוס ףוס'

now_ns() { date +%s%N; }

for configuration in "${configurations[@]}"; do
    if [ "${BUILD:-1}" != 0 ]; then
        swift build -c "$configuration" --scratch-path "$scratch" --product kashuv >&2
    fi
    binary=$(swift build -c "$configuration" --scratch-path "$scratch" --show-bin-path)/kashuv
    timing="$work/timing-$configuration"
    outside=()
    for ((run = 1; run <= runs; run++)); do
        socket="kashuv-measure-$$-$run"
        progress="$work/progress-$configuration-$run"
        start=$(now_ns)
        tmux -L "$socket" -u new-session -d -x 100 -y 30 \
            "KASHUV_TIMING_FILE='$timing' sh -c 'KASHUV_TIMING_START=\$(date +%s%N) exec \"$binary\" practice --trainee measure --address feminine --progress \"$progress\"'"
        seen=""
        for ((poll = 0; poll < 2500; poll++)); do
            if tmux -L "$socket" capture-pane -p 2>/dev/null | grep -qF -- "$expected"; then
                seen=$(now_ns)
                break
            fi
            sleep 0.002
        done
        [ -n "$seen" ] && outside+=("$(( (seen - start) / 1000 ))")
        tmux -L "$socket" send-keys Escape 2>/dev/null || true
        sleep 0.05
        tmux -L "$socket" kill-server 2>/dev/null || true
        rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    done
    inside_ms=$(awk '/first-frame-ms/ { print $2 }' "$timing" 2>/dev/null | sort -n)
    outside_ms=$(printf '%s\n' "${outside[@]}" | awk '{ printf "%.1f\n", $1 / 1000 }' | sort -n)
    summary() { # summary LABEL VALUES
        awk -v label="$1" '{ v[NR] = $1 } END {
            if (NR == 0) { printf "%-8s no samples\n", label; exit }
            printf "%-8s n=%d  min %.1f ms  median %.1f ms  max %.1f ms\n", label, NR, v[1], v[int((NR + 1) / 2)], v[NR] }' <<<"$2"
    }
    echo "== $configuration ($binary)"
    summary inside "$inside_ms"
    summary outside "$outside_ms"
done
