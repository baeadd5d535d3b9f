import { defineConfig } from "vitest/config"

// One root config with a project per package; `pnpm test` runs each package's own `test`
// script through turbo (cached per package), `pnpm exec vitest` runs them all at once.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tooling/*/vitest.config.ts"],
  },
})
