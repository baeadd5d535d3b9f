/**
 * A progress bar on stderr for long DuckDB statements, drawn only when stderr is a terminal.
 * It polls the connection's query progress, so it costs nothing to the statement itself.
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import { type Progress, silentProgress } from "@lao-protect/warehouse/node"

export function terminalProgress(
  raw: DuckDBConnection,
  stream: NodeJS.WriteStream = process.stderr,
  minMs = 300,
): Progress {
  if (!stream.isTTY) return silentProgress
  return {
    async track(label, work) {
      const started = Date.now()
      const draw = () => {
        if (Date.now() - started < minMs) return
        const pct = Math.max(0, Math.min(100, raw.progress.percentage))
        const width = 30
        const filled = Math.round((pct / 100) * width)
        stream.write(
          `\r${label.padEnd(22)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}%`,
        )
      }
      const timer = setInterval(draw, 100)
      try {
        return await work
      } finally {
        clearInterval(timer)
        if (Date.now() - started >= minMs) stream.write("\r\u001b[2K")
      }
    },
  }
}
