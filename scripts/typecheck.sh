#!/usr/bin/env bash
# Type-checks each layer with its own tsconfig (style.md: layers checked by tsconfig), two at a
# time (one per core); each layer's errors are printed together, in layer order.
set -uo pipefail
cd "$(dirname "$0")/.."
layers=(shared main app renderer test)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%s\n' "${layers[@]}" | xargs -P 2 -I{} sh -c 'npx tsc -p "tsconfig.{}.json" > "$1/{}.log" 2>&1; echo $? > "$1/{}.rc"' _ "$out"
failed=0
for p in "${layers[@]}"; do
  echo "typecheck: tsconfig.$p.json"
  cat "$out/$p.log"
  [ "$(cat "$out/$p.rc" 2>/dev/null)" = 0 ] || failed=1
done
exit "$failed"
