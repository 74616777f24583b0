#!/usr/bin/env bash
# Measures how long an edit takes to show in the browser with cxatlas serve
# on a synthetic portal: from the write of a file to a response of the page
# that holds the change, for a touchpoint title, a persona step's emotion, a
# pain's severity and a stage's order, N edits of each, with p50 and p95;
# and the same touchpoint title edit with hugo server on the Hugo twin of
# the portal, in the same run. Prints a Markdown table.
#
# Usage: scripts/serve-latency.sh [-w WORK_DIR] [-s SIZE] [-n EDITS] [-m REBUILDS]
#
#   -w  where the portals go (default $BENCH_DIR or /tmp/cxatlas-bench); they
#       are generated once and kept, and every edit is undone at the end
#   -s  portal size: small, medium or large (default large)
#   -n  edits of each kind (default 10)
#   -m  instead of latencies, make this many edits, one rebuild each, and
#       report serve's resident memory (VmRSS) after the first five and at
#       the end, with their ratio
#
# Hugo is skipped, with a note, when not installed.
set -euo pipefail

work=${BENCH_DIR:-/tmp/cxatlas-bench}
size=large
edits=10
rebuilds=0
usage() { echo "usage: $0 [-w WORK_DIR] [-s SIZE] [-n EDITS] [-m REBUILDS]" >&2; exit 2; }
while getopts 'w:s:n:m:h' opt; do
	case $opt in
	w) work=$OPTARG ;;
	s) size=$OPTARG ;;
	n) edits=$OPTARG ;;
	m) rebuilds=$OPTARG ;;
	h)
		awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
		exit 0
		;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
(($# == 0)) || usage
[[ $size =~ ^(small|medium|large)$ && $edits =~ ^[1-9][0-9]*$ && $rebuilds =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
note() { echo "serve-latency: $*" >&2; }

note "building cxatlas, cxatlas-synth and servelatency into $bin"
(cd "$root" && go build -o "$bin/cxatlas" ./cmd/cxatlas &&
	go build -o "$bin/cxatlas-synth" ./cmd/cxatlas-synth &&
	go build -o "$bin/servelatency" ./scripts/servelatency)

dir=$work/serve-$size
mkdir -p "$dir"
if [[ ! -f $dir/portal/config.toml ]]; then
	note "generating the $size portal in $dir/portal"
	rm -rf "$dir/portal"
	"$bin/cxatlas-synth" -size "$size" -o "$dir/portal" >&2
fi

if ((rebuilds > 0)); then
	note "$rebuilds rebuilds on the $size portal"
	exec "$bin/servelatency" -cxatlas "$bin/cxatlas" -portal "$dir/portal" -rss "$rebuilds"
fi

hugo=$(command -v hugo || true)
if [[ -n $hugo ]]; then
	if [[ ! -f $dir/hugo/config.toml ]]; then
		note "generating the Hugo twin in $dir/hugo"
		rm -rf "$dir/hugo"
		"$bin/cxatlas-synth" -size "$size" -hugo -o "$dir/hugo" >&2
	fi
else
	note "hugo is not installed (apt-get install hugo); its row is skipped"
fi
note "$edits edits of each kind on the $size portal"
"$bin/servelatency" -cxatlas "$bin/cxatlas" -portal "$dir/portal" -n "$edits" \
	${hugo:+-hugo "$hugo" -twin "$dir/hugo"}
