import { defineProject } from "vitest/config"
import { E2E } from "./vitest.config.ts"

export default defineProject({ test: { name: "domain-e2e", include: E2E } })
