import { defineProject } from "vitest/config"
import { E2E } from "./vitest.config.ts"

export default defineProject({
  test: { name: "warehouse-e2e", include: E2E, testTimeout: 120_000, hookTimeout: 60_000 },
})
