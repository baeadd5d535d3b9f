import { defineProject } from "vitest/config"

/**
 * Browser specs (headless Chromium) and `pnpm start` end to end: one fixture publication, one
 * production build and one server for every spec (e2e/global-setup.ts), specs one at a time.
 */
export default defineProject({
  test: {
    name: "dashboard-e2e",
    environment: "node",
    include: ["e2e/**/*.spec.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
