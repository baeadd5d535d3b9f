import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "geo",
    include: ["test/**/*.test.ts"],
    // one module graph per worker for every file: loading anew per file was a third to half of the time
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
