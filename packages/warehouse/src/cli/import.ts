import type { Command } from "./command.ts"

const command: Command = {
  summary: "import a partner file (CSV, XLSX, JSON, NDJSON) into the warehouse",
  usage: "lao-protect import <file> [--sheet NAME] [--mapping map.json] [--source PARTNER] [--db path]",
  async run(_argv, ctx) {
    ctx.stderr.write("import: not implemented yet\n")
    return 1
  },
}
export default command
