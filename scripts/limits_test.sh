#!/usr/bin/env bash
# Checks that scripts/limits.sh never deletes a folder it did not make:
# a -w folder holding files and no marker is refused, and a relative -w is
# read from the caller's folder, not the repository's.
#
# Usage: scripts/limits_test.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
fail=0

mkdir -p "$tmp/mine"
echo keep >"$tmp/mine/notes.txt"
if "$repo/scripts/limits.sh" -x /bin/false -w "$tmp/mine" nosuchshape >/dev/null 2>&1; then
	echo "FAIL: a folder of other files was accepted as the work folder"
	fail=1
fi
if [ ! -e "$tmp/mine/notes.txt" ]; then
	echo "FAIL: limits.sh deleted a folder it did not make"
	fail=1
fi

rel=limits-test-$$
mkdir -p "$tmp/caller/$rel"
echo keep >"$tmp/caller/$rel/notes.txt"
(cd "$tmp/caller" && "$repo/scripts/limits.sh" -x /bin/false -w "$rel" nosuchshape >/dev/null 2>&1) || true
if [ -e "$repo/$rel" ]; then
	echo "FAIL: a relative -w was read from the repository, not the caller's folder"
	rm -rf -- "${repo:?}/$rel"
	fail=1
fi
if [ ! -e "$tmp/caller/$rel/notes.txt" ]; then
	echo "FAIL: limits.sh deleted the caller's folder"
	fail=1
fi

[ $fail = 0 ] && echo ok
exit $fail
