import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "csv", include: ["test/**/*.test.ts"] },
})
