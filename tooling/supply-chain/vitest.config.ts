import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "supply-chain", include: ["test/**/*.test.ts"] },
})
