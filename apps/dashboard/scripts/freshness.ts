/** Whether `dist` is missing or older than anything it is built from, and the build itself. */
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"

const newest = (path: string): number => {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let max = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue
    max = Math.max(max, newest(join(path, entry)))
  }
  return max
}

export const buildInputs = (appDir: string): ReadonlyArray<string> => [
  join(appDir, "src"),
  join(appDir, "index.html"),
  join(appDir, "vite.config.ts"),
  // how it is built (always production): a dist built before this file changed is rebuilt
  join(appDir, "scripts", "freshness.ts"),
  join(appDir, "server", "csp.ts"),
  join(appDir, "package.json"),
  join(appDir, "../../packages/warehouse/src/views"),
  join(appDir, "../../packages/warehouse/src/wasm"),
  join(appDir, "../../packages/warehouse/src/Connector.ts"),
  join(appDir, "../../packages/domain/src"),
]

export const needsBuild = (appDir: string): boolean => {
  const built = join(appDir, "dist", "index.html")
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return buildInputs(appDir).some((input) => newest(input) > builtAt)
}

export async function buildApp(appDir: string): Promise<void> {
  const { checkTranslations } = await import("./check-i18n.ts")
  checkTranslations()
  const { build } = await import("vite")
  // Always the production build, whoever builds: under vitest NODE_ENV is "test", and Vite then
  // bundled React's development build (effects run twice under StrictMode), which `pnpm start`
  // would serve as it is when the tests had built dist first.
  const env = process.env.NODE_ENV
  process.env.NODE_ENV = "production"
  try {
    await build({
      root: appDir,
      configFile: join(appDir, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    })
  } finally {
    if (env === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = env
  }
}
