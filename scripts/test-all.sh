#!/usr/bin/env bash
# `npm test`: every check, in order — typecheck, lint, unit (Node), unit-field (the client and
# engine suites against the sandboxes' field shapes), component (jsdom), keychain
# (real Secret Service), end-to-end (Chromium over the test bridge), the Electron smoke test
# (skipped, and said so, where no Electron binary exists), and Electronegativity. Every step runs;
# the script fails if any failed, and ends with one line of counts.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json
failed=()

step() {
  local name="$1"; shift
  echo
  echo "=== $name ==="
  local started=$SECONDS
  if "$@"; then
    echo "--- $name: ok ($((SECONDS - started)) s)"
  else
    echo "--- $name: FAILED ($((SECONDS - started)) s)"
    failed+=("$name")
  fi
}

vitest_project() {
  npx vitest run --project "$1" --reporter=default --reporter=json --outputFile.json="reports/vitest-$1.json"
}

playwright_run() {
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/playwright-$1.json" npx playwright test --config "$2" --reporter=list,json
}

step typecheck bash scripts/typecheck.sh
step lint npx eslint --max-warnings 0 .
step unit vitest_project unit
step unit-field vitest_project unit-field
step component vitest_project component
step keychain bash scripts/with-keyring.sh npx vitest run --project keychain --reporter=default --reporter=json --outputFile.json=reports/vitest-keychain.json
step build node scripts/build-app.mjs
step e2e bash scripts/with-keyring.sh bash -c "PLAYWRIGHT_JSON_OUTPUT_NAME=$PWD/reports/playwright-e2e.json npx playwright test --config test/e2e/playwright.config.ts --reporter=list,json"
step electron-smoke playwright_run electron test/e2e/electron.config.ts
step electronegativity node scripts/electronegativity.mjs

echo
node scripts/test-summary.mjs
if [ "${#failed[@]}" -gt 0 ]; then
  echo "npm test: failed steps: ${failed[*]}"
  exit 1
fi
echo "npm test: all steps passed"
