#!/usr/bin/env bash
# Measures cxatlas check on the worst file of each hostile shape (see
# cxatlas-synth hostile): peak memory and wall time, as a Markdown table.
#
# Usage: scripts/limits.sh [-b BYTES] [-w WORK_DIR] [-x CXATLAS] [SHAPE...]
#
#   -b  size of each hostile file (default 5242880, the default maxFileSize)
#   -w  where the sites go (default /tmp/cxatlas-limits; replaced, so it
#       must be missing, empty, or a folder this script made before)
#   -x  the cxatlas binary to measure (default: built from this tree)
#
# Each run is capped at 3 GB of memory and 120 s, so that a binary without
# limits fails the row instead of the machine. Needs GNU time (/usr/bin/time).
set -euo pipefail

bytes=5242880
work=/tmp/cxatlas-limits
bin=
while getopts 'b:w:x:h' opt; do
	case $opt in
	b) bytes=$OPTARG ;;
	w) work=$OPTARG ;;
	x) bin=$OPTARG ;;
	h)
		awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
		exit 0
		;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
# Paths are resolved before the cd below, against the caller's folder.
work=$(realpath -m -- "$work")
if [[ $bin == */* ]]; then bin=$(realpath -m -- "$bin"); fi
# The work folder is replaced; only one this script made (it holds the
# marker) or an empty one may be, never a folder of the caller's files.
marker=.cxatlas-limits
if [ -e "$work" ] && { [ ! -d "$work" ] || { [ -n "$(ls -A -- "$work")" ] && [ ! -e "$work/$marker" ]; }; }; then
	echo "limits.sh: $work is not empty and was not made by this script; give -w a new or empty folder" >&2
	exit 2
fi
cd "$(dirname "$0")/.."
rm -rf -- "$work"
mkdir -p -- "$work"
touch -- "$work/$marker"
if [ -z "$bin" ]; then
	bin=$work/cxatlas
	go build -o "$bin" ./cmd/cxatlas
fi
go run ./cmd/cxatlas-synth hostile -o "$work/sites" -bytes "$bytes" "$@" >/dev/null

echo "| shape | file | peak RSS | time | result |"
echo "|---|---:|---:|---:|---|"
for site in "$work"/sites/*/; do
	shape=$(basename "$site")
	file=$site/content/personas/hostile.md
	log=$work/$shape.log
	set +e
	( ulimit -v 3000000; timeout 120 /usr/bin/time -v "$bin" check -s "$site" ) >"$work/$shape.out" 2>"$log"
	rc=$?
	set -e
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$log")
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")
	result=$(grep -o 'error: .*' "$work/$shape.out" "$log" | head -n1 | cut -d: -f2- | cut -c1-70 || true)
	case $rc in
	124) result="killed after 120 s" ;;
	0) result="no error" ;;
	esac
	if grep -q 'out of memory\|cannot allocate' "$log"; then result="out of memory (3 GB cap)"; fi
	printf '| %s | %s KB | %s | %s | %s |\n' "$shape" "$(($(stat -c %s "$file") / 1024))" "${rss:-?}" "${wall:-?}" "$result"
done
