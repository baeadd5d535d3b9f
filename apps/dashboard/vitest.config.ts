import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "dashboard",
    environment: "node",
    include: ["test/**/*.test.ts", "e2e/**/*.spec.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
