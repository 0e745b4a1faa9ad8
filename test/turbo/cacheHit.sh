#!/usr/bin/env bash
# turbo's cache across machines, shown: two fresh clones of this repository's
# HEAD ("machine a" and "machine b", each with the texts beside it, as CI lays
# them), installed from the lockfile. Machine a builds (`pnpm build`: the texts
# digest, then `turbo run charts`); its .turbo/cache folder is carried over to
# machine b (as a CI cache step or a remote cache would), whose `pnpm build` is
# then a cache hit: dist/ restored byte for byte, nothing built. Then one
# dataset row and one text are edited on b: each is a cache miss.
#
#   bash test/turbo/cacheHit.sh        (needs the pnpm store of a previous install: it installs --offline)
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
texts=$(cd "$repo" && node -e 'const c=require("./charts.config.json");console.log(require("path").resolve(process.env.CHARTS_TEXTS||c.texts))')
work=$(mktemp -d /tmp/turbo-cache-demo-XXXXXX)
trap 'rm -rf "$work"' EXIT
say() { printf '\n== %s\n' "$*"; }

for machine in a b; do
  say "machine $machine: git clone $(git -C "$repo" rev-parse --short HEAD), texts beside it, pnpm install --offline"
  mkdir -p "$work/$machine/shared"
  cp -r "$texts" "$work/$machine/shared/texts"
  git clone -q "$repo" "$work/$machine/newsroom-charts"
  (cd "$work/$machine/newsroom-charts" && pnpm install --offline --frozen-lockfile >/dev/null 2>&1)
done

build() { (cd "$work/$1/newsroom-charts" && pnpm -s build 2>&1 | grep -E '(cache (hit|miss|bypass)|Cached:|charts built|nothing changed)' | sed "s/^/  [$1] /"); }

say "machine a: pnpm build (empty cache)"
build a
say "carry machine a's .turbo/cache over to machine b"
mkdir -p "$work/b/newsroom-charts/.turbo"
cp -r "$work/a/newsroom-charts/.turbo/cache" "$work/b/newsroom-charts/.turbo/cache"
say "machine b: pnpm build"
build b
a=$(cd "$work/a/newsroom-charts/dist/charts" && sha256sum manifest.json)
b=$(cd "$work/b/newsroom-charts/dist/charts" && sha256sum manifest.json)
files=$(ls "$work/b/newsroom-charts/dist/charts" | wc -l)
[ "$a" = "$b" ] && echo "  dist/charts restored on b: $files files, manifest identical to a's (${a%% *})" || { echo "  manifests differ"; exit 1; }

say "machine b: one dataset row edited (russia-arms-transfers, 2022: 72 -> 73 in data.csv only: a miss, and the figure check fails that chart)"
(cd "$work/b/newsroom-charts" && sed -i 's/^2022,72,/2022,73,/' datasets/russia-arms-transfers/data.csv)
build b || true
(cd "$work/b/newsroom-charts" && git checkout -q datasets)
say "machine b: one source text edited (a space added at its end)"
first=$(ls "$work/b/shared/texts" | head -1)
printf ' ' >> "$work/b/shared/texts/$first"
build b || true
