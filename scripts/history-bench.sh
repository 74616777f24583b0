#!/bin/sh
# history-bench.sh [DIR]: what history adds to a full build. Generates the
# large synthetic portal in DIR (a new temporary folder by default), commits
# it, adds 1,000 commits that each edit one map (with git fast-import, so
# the repository takes seconds to make), and times full builds with the
# history and with git hidden (GIT_DIR pointing nowhere), RUNS times each,
# with the time of the history step itself (from build -v), which a busy
# machine disturbs less than the difference of two wall times.
set -eu
RUNS=${RUNS:-3}
dir=${1:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

# make_repo commits the portal in the current folder, then 1,000 edits.
make_repo() {
	git init -q -b main
	git add -A
	git -c user.name=Bench -c user.email=bench@example.com commit -qm "Large portal"
	set -- content/personas/*.md
	n=$#
	i=0
	{
		while [ $i -lt 1000 ]; do
			i=$((i + 1))
			eval "f=\${$((i % n + 1))}"
			echo "commit refs/heads/main"
			echo "committer Bench <bench@example.com> $((1780000000 + i * 3600)) +0000"
			echo "data <<MSG"
			echo "Edit $i of $f"
			echo "MSG"
			[ $i -eq 1 ] && echo "from refs/heads/main^0"
			echo "M 100644 inline $f"
			echo "data <<CXATLAS_EOF"
			cat "$f"
			echo "Edit $i."
			echo "CXATLAS_EOF"
			echo
		done
	} | git fast-import --quiet
	git reset -q --hard
}
bin=$dir.cxatlas
(cd "$root" && go build -o "$bin" ./cmd/cxatlas)
if [ -d "$dir/.git" ]; then
	cd "$dir" # made by an earlier run: measured again as it is
else
	(cd "$root" && go run ./cmd/cxatlas-synth -size large -o "$dir" >/dev/null)
	cd "$dir"
	make_repo
fi
echo "repository: $(git rev-list --count HEAD) commits, $(git ls-files | wc -l) files"
time_build() {
	best=""
	for _ in $(seq "$RUNS"); do
		rm -rf "$dir.out"
		s=$(date +%s%N)
		"$@" "$bin" build -v -s "$dir" -d "$dir.out" 2>"$dir.log" >/dev/null
		e=$(( ($(date +%s%N) - s) / 1000000 ))
		step=$(sed -n 's/.*name=history took=\([^ ]*\).*/\1/p' "$dir.log")
		echo "  $e ms${step:+ (history step $step)}"
		if [ -z "$best" ] || [ "$e" -lt "$best" ]; then best=$e; fi
	done
	echo "  best $best ms"
}
echo "full build without history:"
time_build env GIT_DIR="$dir/no-repository"
echo "full build with history:"
time_build env
rm -rf "$dir.out" "$dir.log" "$bin"
