// One vitest setup for every package: a fixed time zone and locale keep
// number and date formatting identical on every machine.
import { defineConfig } from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC", LANG: "C.UTF-8" },
  },
});
