// CI's closing line: adds up the vitest JSON reports every package's test run
// wrote (.vitest/report.json, see vitest.shared.ts) and fails the run when a
// package's tests did not run at all in this run, or when any test was skipped:
// a suite that needs Chromium or the source texts must run or fail, never
// quietly skip. .ci/run deletes the reports before the run, so a report here
// was written (or restored from turbo's cache) by this run.
// Usage: node .ci/summary.ts
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

interface Report {
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

const root = join(import.meta.dirname, "..");
const workspaces = ["packages", "apps"].flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name))).concat("test");

let passed = 0;
let failed = 0;
const skipped: string[] = [];
const missing: string[] = [];
for (const workspace of workspaces) {
  const pkg = join(root, workspace, "package.json");
  if (!existsSync(pkg) || !JSON.parse(readFileSync(pkg, "utf8")).scripts?.test) continue;
  const file = join(root, workspace, ".vitest/report.json");
  if (!existsSync(file)) {
    missing.push(workspace);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  for (const result of report.testResults) {
    for (const test of result.assertionResults) {
      if (test.status === "passed") passed++;
      else if (test.status === "failed") failed++;
      else skipped.push(`${workspace}: ${test.fullName} (${test.status})`);
    }
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped${missing.length ? `, no report from ${missing.join(", ")}` : ""}`);
for (const name of skipped) console.log(`  skipped: ${name}`);
if (failed || skipped.length || missing.length) process.exitCode = 1;
