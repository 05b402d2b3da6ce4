#!/usr/bin/env bash
# `npm test`: every check, in order — typecheck, lint, unit (Node), unit-field (the client and
# engine suites against the sandboxes' field shapes), component (jsdom), keychain
# (real Secret Service), end-to-end (Chromium over the test bridge), the Electron smoke test
# (skipped, and said so, where no Electron binary exists), and Electronegativity. Every step runs;
# the script fails if any failed, and ends with one line of counts.
# The end-to-end tests spend most of their time waiting (Chromium, the sandboxes' 20 requests a
# second), as do the vitest projects (HTTP, timers): so the E2E run starts right after the build
# and runs beside the vitest projects; its output is printed whole when it ends.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json reports/e2e.log reports/e2e.rc
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
step build node scripts/build-app.mjs

e2e_started=$SECONDS
(
  bash scripts/with-keyring.sh bash -c "PLAYWRIGHT_JSON_OUTPUT_NAME=$PWD/reports/playwright-e2e.json npx playwright test --config test/e2e/playwright.config.ts --reporter=list,json" >reports/e2e.log 2>&1
  echo $? >reports/e2e.rc
) &
e2e_pid=$!
trap 'kill "$e2e_pid" 2>/dev/null || true' EXIT
echo
echo "=== e2e: started in the background (its output follows the vitest projects) ==="

step unit vitest_project unit
step unit-field vitest_project unit-field
step component vitest_project component
step keychain bash scripts/with-keyring.sh npx vitest run --project keychain --reporter=default --reporter=json --outputFile.json=reports/vitest-keychain.json

wait "$e2e_pid"
trap - EXIT
echo
echo "=== e2e ==="
cat reports/e2e.log
if [ "$(cat reports/e2e.rc 2>/dev/null)" = 0 ]; then
  echo "--- e2e: ok ($((SECONDS - e2e_started)) s, beside the vitest projects)"
else
  echo "--- e2e: FAILED ($((SECONDS - e2e_started)) s, beside the vitest projects)"
  failed+=("e2e")
fi
step electron-smoke playwright_run electron test/e2e/electron.config.ts
step electronegativity node scripts/electronegativity.mjs

echo
node scripts/test-summary.mjs
if [ "${#failed[@]}" -gt 0 ]; then
  echo "npm test: failed steps: ${failed[*]}"
  exit 1
fi
echo "npm test: all steps passed"
