#!/usr/bin/env bash
# Type-checks each layer with its own tsconfig (style.md: layers checked by tsconfig).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in shared main app renderer test; do
  echo "typecheck: tsconfig.$p.json"
  npx tsc -p "tsconfig.$p.json"
done
