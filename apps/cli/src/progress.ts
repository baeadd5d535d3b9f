/**
 * Progress of long DuckDB statements on stderr: a bar on a terminal, and a plain line per step
 * (with the percentage every few seconds) when stderr is a file or a pipe. It polls the
 * connection's query progress, so it costs nothing to the statement itself; DuckDB only tracks
 * progress once `enableProgress` has been run on the connection (without it the bar stayed at 0%).
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import type { Progress } from "@lao-protect/warehouse/node"

export const enableProgress = async (raw: DuckDBConnection): Promise<void> => {
  await raw.run(
    "SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0",
  )
}

const percent = (raw: DuckDBConnection) => Math.max(0, Math.min(100, raw.progress.percentage))

export function terminalProgress(
  raw: DuckDBConnection,
  stream: NodeJS.WriteStream = process.stderr,
  minMs = 300,
): Progress {
  return stream.isTTY ? barProgress(raw, stream, minMs) : lineProgress(raw, stream)
}

function barProgress(raw: DuckDBConnection, stream: NodeJS.WriteStream, minMs: number): Progress {
  return {
    async track(label, work) {
      const started = Date.now()
      const draw = () => {
        if (Date.now() - started < minMs) return
        const pct = percent(raw)
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

/** Plain lines for logs: `reading...`, `reading: 40%` every `everyMs`, `reading: done in 3.1 s`. */
export function lineProgress(raw: DuckDBConnection, stream: NodeJS.WritableStream, everyMs = 5000): Progress {
  return {
    async track(label, work) {
      const started = Date.now()
      stream.write(`${label}...\n`)
      const timer = setInterval(() => stream.write(`${label}: ${percent(raw).toFixed(0)}%\n`), everyMs)
      try {
        return await work
      } finally {
        clearInterval(timer)
        stream.write(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
      }
    },
  }
}
