// One vitest setup for every package: a fixed time zone and locale keep
// number and date formatting identical on every machine.
//
// Each run also writes .vitest/report.json in its package (git-ignored, a turbo
// output so a cached run restores it): .ci/summary.ts adds them up into CI's
// closing line and fails on any skipped test, so a suite that quietly skipped
// (no Chromium, no texts) can never pass as green.
import { defineConfig } from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC", LANG: "C.UTF-8" },
    reporters: ["default", ["json", { outputFile: ".vitest/report.json" }]],
  },
});
