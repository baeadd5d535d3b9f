/**
 * The CLI's subcommands. To add one, write `src/cli/<name>.ts` with a default export of type
 * `Command` and add one line below (modules load lazily, so a command's dependencies cost nothing
 * to the others).
 */
import type { Command } from "./command.ts"

export const commands: Record<string, () => Promise<{ default: Command }>> = {
  import: () => import("./import.ts"),
  mapping: () => import("./mapping.ts"),
  synth: () => import("./synth.ts"),
  publish: () => import("./publish.ts"),
  releases: () => import("./releases.ts"),
  geo: () => import("./geo.ts"),
  export: () => import("./export.ts"),
  form: () => import("./form.ts"),
  "import-htcds": () => import("./import-htcds.ts"),
  "import-kobo": () => import("./import-kobo.ts"),
  "import-ctdc": () => import("./import-ctdc.ts"),
  access: () => import("./access.ts"),
  official: () => import("./official.ts"),
  submission: () => import("./submission.ts"),
}
