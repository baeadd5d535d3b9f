import { defineConfig } from "vitest/config"

// One root config with a project per package; `pnpm test` runs each package's own `test` and
// `test:e2e` scripts through turbo (cached per package), `pnpm exec vitest` runs them all at once.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "packages/*/vitest.e2e.config.ts",
      "apps/*/vitest.config.ts",
      "apps/*/vitest.e2e.config.ts",
      "tooling/*/vitest.config.ts",
    ],
  },
})
