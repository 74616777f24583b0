#!/usr/bin/env bash
# Times a full cxatlas build on synthetic portals of three sizes, against
# Hugo on the same Markdown bodies with a minimal theme and against bare
# goldmark converting the same bodies (the floor), and prints a Markdown
# table of wall time, CPU time and peak memory.
#
# Usage: scripts/bench.sh [-w WORK_DIR] [-r RUNS] [-s "small medium large"]
#
#   -w  where portals and outputs go (default $BENCH_DIR or /tmp/cxatlas-bench);
#       each size's folder there is replaced
#   -r  counted runs per measurement, after one warm-up (default $BENCH_RUNS or 5)
#   -s  sizes to run (default $BENCH_SIZES or "small medium large")
#
# Uses hyperfine when installed (JSON exports are kept in the work dir), else
# loops over GNU time (/usr/bin/time -v); BENCH_TIMER=time forces the
# loops. Peak memory needs GNU time (apt-get install time). Hugo is
# skipped, with a note, when not installed.
set -euo pipefail

work=${BENCH_DIR:-/tmp/cxatlas-bench}
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES:-small medium large}
while getopts 'w:r:s:h' opt; do
	case $opt in
	w) work=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) sizes=$OPTARG ;;
	h)
		awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
		exit 0
		;;
	*)
		echo "usage: $0 [-w WORK_DIR] [-r RUNS] [-s SIZES]" >&2
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))
if (($# > 0)) || ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "usage: $0 [-w WORK_DIR] [-r RUNS] [-s SIZES]" >&2
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
note() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------

note "building cxatlas-synth and cxatlas into $bin"
(cd "$root" && go build -o "$bin/cxatlas-synth" ./cmd/cxatlas-synth)
cxatlas=$bin/cxatlas
if ! (cd "$root" && go build -o "$cxatlas" ./cmd/cxatlas) >"$bin/build.log" 2>&1; then
	note "cannot build ./cmd/cxatlas; its columns are skipped:"
	sed 's/^/    /' "$bin/build.log" >&2
	cxatlas=
fi
hugo=$(command -v hugo || true)
[[ -n $hugo ]] || note "hugo is not installed (apt-get install hugo); its columns are skipped"
hyperfine=$(command -v hyperfine || true)
[[ ${BENCH_TIMER:-} != time ]] || hyperfine=
gnutime=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi
if [[ -z $hyperfine && -z $gnutime ]]; then
	echo "bench: install hyperfine or GNU time (apt-get install hyperfine time)" >&2
	exit 1
fi
[[ -n $hyperfine ]] || note "hyperfine is not installed (apt-get install hyperfine); timing with GNU time"
[[ -n $gnutime ]] || note "GNU time is not installed (apt-get install time); peak memory is not measured"

# --- measuring ---------------------------------------------------------------

# set_aside DIR prints a shell command that moves DIR, if it exists, into
# the trash folder of the work dir, which is emptied at the end. Deleting
# the previous output between runs would time the file system more than
# the build: ext4 skips the inodes of files deleted in the last minutes
# when it creates new ones, and the search grows with every 10,000 files
# deleted, so that each run would be slower than the one before.
set_aside() {
	printf 'if [ -e %q ]; then mkdir -p %q && mv %q "$(mktemp -u -p %q)"; fi' \
		"$1" "$work/trash" "$1" "$work/trash"
}

# Results, keyed "size:label": median wall, min wall, max wall, mean CPU
# (user+sys) in seconds, and peak RSS in MiB.
declare -A wall wmin wmax cpu peak

# measure SIZE LABEL PREPARE CMD...: runs CMD once as a check and warm-up
# (a failure is reported and skipped), then $runs times counted, running
# the shell command PREPARE before each run.
measure() {
	local size=$1 label=$2 prepare=$3
	shift 3
	local key=$size:$label out=$work/$size/$label
	local rss=$out.rss cmd
	: >"$rss"
	cmd=$(printf '%q ' "$@")
	note "$size: $label: $cmd"
	if [[ -n $prepare ]]; then bash -c "$prepare"; fi
	if ! "$@" >"$out.log" 2>&1; then
		note "$size: $label failed; see $out.log:"
		head -20 "$out.log" | sed 's/^/    /' >&2
		return 0
	fi
	if [[ -n $hyperfine ]]; then
		measure_hyperfine "$key" "$prepare" "$cmd" "$out" || return 0
	else
		measure_time "$key" "$prepare" "$out" "$@" || return 0
	fi
	if [[ -s $rss ]]; then
		peak[$key]=$(sort -n "$rss" | tail -1 | awk '{printf "%.0f", $1 / 1024}')
	fi
}

measure_hyperfine() {
	local key=$1 prepare=$2 cmd=$3 out=$4
	local args=(--runs "$runs" --warmup 0 --style basic --export-json "$out.json" --export-csv "$out.csv" -n "$key")
	[[ -z $prepare ]] || args+=(--prepare "$prepare")
	# GNU time around the command records each run's peak RSS; its own cost
	# is a fork and a wait, well under a millisecond.
	[[ -z $gnutime ]] || cmd="$gnutime -f %M -a -o $(printf %q "$out.rss") $cmd"
	if ! "$hyperfine" "${args[@]}" "$cmd" >&2; then
		note "$key: hyperfine failed"
		return 1
	fi
	local row
	row=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ printf "%s %s %s %s\n", $col["median"], $col["min"], $col["max"], $col["user"] + $col["system"] }' "$out.csv")
	read -r wall[$key] wmin[$key] wmax[$key] cpu[$key] <<<"$row"
}

measure_time() {
	local key=$1 prepare=$2 out=$3
	shift 3
	local i walls=() cpus=() line
	for ((i = 1; i <= runs; i++)); do
		if [[ -n $prepare ]]; then bash -c "$prepare"; fi
		if ! "$gnutime" -v -o "$out.time" "$@" >/dev/null 2>&1; then
			note "$key: run $i failed"
			return 1
		fi
		line=$(awk -F': ' '
			/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (k = 1; k <= n; k++) w = w * 60 + t[k] }
			/User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
			END { printf "%s %s %s\n", w, u + s, m }' "$out.time")
		walls+=("${line%% *}")
		line=${line#* }
		cpus+=("${line%% *}")
		echo "${line#* }" >>"$out.rss"
	done
	read -r wall[$key] wmin[$key] wmax[$key] <<<"$(printf '%s\n' "${walls[@]}" | sort -g |
		awk '{ v[NR] = $1 } END { printf "%s %s %s\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }')"
	cpu[$key]=$(printf '%s\n' "${cpus[@]}" | awk '{ s += $1 } END { printf "%.3f", s / NR }')
}

# --- machine -----------------------------------------------------------------

mkdir -p "$work"
report=$work/results.md
{
	echo "## Machine"
	echo
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores (nproc)"
	echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "- kernel: $(uname -sr); $(go version | cut -d' ' -f3-)"
	echo "- hugo: $(if [[ -n $hugo ]]; then "$hugo" version | cut -d' ' -f2; else echo not installed; fi);" \
		"hyperfine: $(if [[ -n $hyperfine ]]; then "$hyperfine" --version | cut -d' ' -f2; else echo not installed; fi)"
	echo "- runs: $runs counted after 1 warm-up; wall is the median, CPU the mean of user+sys, peak the largest RSS"
	echo
} | tee "$report"

# --- sizes -------------------------------------------------------------------

declare -A files
for size in $sizes; do
	dir=$work/$size
	bash -c "$(set_aside "$dir")"
	mkdir -p "$dir"
	note "$size: generating"
	"$bin/cxatlas-synth" -size "$size" -o "$dir/site" >&2
	"$bin/cxatlas-synth" -size "$size" -hugo -o "$dir/hugo" >&2
	files[$size]=$(find "$dir/site/content" -name '*.md' | wc -l)

	if [[ -n $cxatlas ]]; then
		measure "$size" cxatlas "$(set_aside "$dir/out-cxatlas")" \
			"$cxatlas" build -s "$dir/site" -d "$dir/out-cxatlas"
		# The output of the last cold run stays: this times a rebuild of an
		# unchanged portal into an existing output folder.
		measure "$size" cxatlas-rebuild "" \
			"$cxatlas" build -s "$dir/site" -d "$dir/out-cxatlas"
	fi
	if [[ -n $hugo ]]; then
		measure "$size" hugo "$(set_aside "$dir/out-hugo")" \
			"$hugo" --quiet -s "$dir/hugo" -d "$dir/out-hugo"
		# Hugo into its previous output, the counterpart of the rebuild.
		measure "$size" hugo-rebuild "" \
			"$hugo" --quiet -s "$dir/hugo" -d "$dir/out-hugo"
	fi
	measure "$size" floor "" "$bin/cxatlas-synth" floor "$dir/site/content"
	# The same, also decoding the front matter with the stock TOML and YAML
	# libraries: the cost of reading the portal at all.
	measure "$size" parse-floor "" "$bin/cxatlas-synth" floor -frontmatter "$dir/site/content"
done

# --- report ------------------------------------------------------------------

# fmt_s KEY: median wall in seconds; fmt_ratio A B: wall A / wall B.
fmt_s() { if [[ -n ${wall[$1]:-} ]]; then awk -v x="${wall[$1]}" 'BEGIN { printf "%.2f s", x }'; else echo "n/a"; fi; }
fmt_cpu() { if [[ -n ${cpu[$1]:-} ]]; then awk -v x="${cpu[$1]}" 'BEGIN { printf "%.2f s", x }'; else echo "n/a"; fi; }
fmt_mib() { echo "${peak[$1]:-n/a}"; }
fmt_ratio() {
	if [[ -n ${wall[$1]:-} && -n ${wall[$2]:-} ]]; then
		awk -v a="${wall[$1]}" -v b="${wall[$2]}" 'BEGIN { printf "%.2fx", a / b }'
	else
		echo "n/a"
	fi
}

{
	echo "## Full build, median wall time"
	echo
	echo "Build: into an empty folder. Rebuild: the same content into the previous output."
	echo
	echo "Floor: bare goldmark on the bodies. Parse floor: the same plus decoding the front matter (BurntSushi/toml, or yaml.v3 for YAML)."
	echo
	echo "| size | files | cxatlas build | CPU | peak MiB | Hugo build | cxatlas/Hugo | cxatlas rebuild | Hugo rebuild | cxatlas/Hugo | goldmark floor | cxatlas/floor | parse floor | cxatlas/parse floor |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for size in $sizes; do
		echo "| $size | ${files[$size]} | $(fmt_s "$size:cxatlas") | $(fmt_cpu "$size:cxatlas") | $(fmt_mib "$size:cxatlas") |" \
			"$(fmt_s "$size:hugo") | $(fmt_ratio "$size:cxatlas" "$size:hugo") |" \
			"$(fmt_s "$size:cxatlas-rebuild") | $(fmt_s "$size:hugo-rebuild") | $(fmt_ratio "$size:cxatlas-rebuild" "$size:hugo-rebuild") |" \
			"$(fmt_s "$size:floor") | $(fmt_ratio "$size:cxatlas" "$size:floor") |" \
			"$(fmt_s "$size:parse-floor") | $(fmt_ratio "$size:cxatlas" "$size:parse-floor") |"
	done
	echo
	echo "## Every measurement"
	echo
	echo "| size | command | wall median | wall min-max | CPU (user+sys) | peak MiB |"
	echo "| --- | --- | ---: | ---: | ---: | ---: |"
	for size in $sizes; do
		for label in cxatlas cxatlas-rebuild hugo hugo-rebuild floor parse-floor; do
			key=$size:$label
			[[ -n ${wall[$key]:-} ]] || continue
			echo "| $size | $label | $(fmt_s "$key") |" \
				"$(awk -v a="${wmin[$key]}" -v b="${wmax[$key]}" 'BEGIN { printf "%.2f-%.2f s", a, b }') |" \
				"$(fmt_cpu "$key") | $(fmt_mib "$key") |"
		done
	done
} | tee -a "$report"
rm -rf "$work/trash"
note "report written to $report"
