/**
 * One shared setup for the browser specs: a fixture publication in a temporary data
 * folder, one build of the app (skipped when dist is fresh), and the real server on a free port.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import type {} from "vitest"
import type { TestProject } from "vitest/node"
import { buildApp, needsBuild } from "../scripts/freshness.ts"
import { type Served, serve } from "../server/serve.ts"
import { writeFixturePublication } from "./fixture.ts"
import { addPlanningTables } from "./planning-fixture.ts"

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string
    dataRoot: string
  }
}

let served: Served | undefined
let dataRoot: string | undefined

export async function setup(project: TestProject): Promise<void> {
  const appDir = resolve(import.meta.dirname, "..")
  dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-e2e-"))
  await writeFixturePublication(dataRoot)
  // until publish writes the planning tables itself (the lead wires planningTablesForPublication)
  await addPlanningTables(dataRoot)
  if (needsBuild(appDir)) await buildApp(appDir)
  served = await serve({ dist: join(appDir, "dist"), dataRoot, port: 0 })
  project.provide("baseUrl", served.url)
  project.provide("dataRoot", dataRoot)
}

export async function teardown(): Promise<void> {
  await served?.close()
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
}
