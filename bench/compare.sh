#!/bin/sh
# compare.sh compares the Go benchmarks of two commits with benchstat.
#
#   bench/compare.sh OLD [NEW]          NEW defaults to the working tree
#
# Each commit is checked out into a temporary git worktree; the benchmarks
# run interleaved (old, new, old, new, ...) COUNT times each, so that drift
# on a shared machine hits both sides alike, and benchstat prints the
# comparison. On small shared machines trust the ratios, not the absolute
# numbers. Environment:
#   BENCH      benchmark regexp (default .)
#   PKGS       packages (default ./fingerprint/... ./limiter/... ./proxy/... ./bench/load)
#   COUNT      runs per side (default 10)
#   BENCHTIME  -benchtime (default 1s)
#   OUT        directory for old.txt and new.txt (default a temporary one)
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 OLD [NEW]" >&2
	exit 2
fi
BENCH=${BENCH:-.}
PKGS=${PKGS:-./fingerprint/... ./limiter/... ./proxy/... ./bench/load}
COUNT=${COUNT:-10}
BENCHTIME=${BENCHTIME:-1s}

root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
OUT=${OUT:-$tmp}
cleanup() {
	git -C "$root" worktree remove --force "$tmp/old" 2>/dev/null || true
	[ -d "$tmp/new" ] && git -C "$root" worktree remove --force "$tmp/new" 2>/dev/null || true
	[ "$OUT" = "$tmp" ] || rm -rf "$tmp"
}
trap cleanup EXIT

old=$(git -C "$root" rev-parse --verify "$1^{commit}")
git -C "$root" worktree add --detach "$tmp/old" "$old" >/dev/null
if [ $# -eq 2 ]; then
	new=$(git -C "$root" rev-parse --verify "$2^{commit}")
	git -C "$root" worktree add --detach "$tmp/new" "$new" >/dev/null
	newdir=$tmp/new
else
	new="working tree"
	newdir=$root
fi
echo "old: $old" >&2
echo "new: $new" >&2

# build the test binaries once per side, then run them interleaved; a
# pattern under a directory with its own go.mod (bench/, e2e/) is listed
# and built in that module
for side in old new; do
	if [ $side = old ]; then dir=$tmp/old; else dir=$newdir; fi
	mkdir -p "$tmp/bin-$side"
	for pat in $PKGS; do
		rel=${pat#./}
		mod=${rel%%/*}
		if [ "$mod" != "$rel" ] && [ -f "$dir/$mod/go.mod" ]; then
			moddir=$dir/$mod
			pat=./${rel#*/}
		else
			moddir=$dir
		fi
		(cd "$moddir" && for p in $(go list -e "$pat" 2>/dev/null); do
			name=$(echo "$p" | tr / _)
			go list -f '{{.Dir}}' "$p" >"$tmp/bin-$side/$name.dir" 2>/dev/null || continue
			go test -c -o "$tmp/bin-$side/$name.test" "$p" >/dev/null 2>&1 || echo "skipping $p on the $side side: does not build" >&2
		done)
	done
done
: >"$OUT/old.txt"
: >"$OUT/new.txt"
i=1
while [ $i -le "$COUNT" ]; do
	echo "run $i/$COUNT" >&2
	for side in old new; do
		for bin in "$tmp/bin-$side"/*.test; do
			[ -e "$bin" ] || continue
			pkgdir=$(cat "${bin%.test}.dir")
			(cd "$pkgdir" && "$bin" -test.run '^$' -test.bench "$BENCH" -test.benchmem -test.count 1 -test.benchtime "$BENCHTIME") \
				| grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >>"$OUT/$side.txt" || true
		done
	done
	i=$((i + 1))
done
cd "$root"
go run golang.org/x/perf/cmd/benchstat@latest "$OUT/old.txt" "$OUT/new.txt"
