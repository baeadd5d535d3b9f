/**
 * How the importer reports progress: it wraps each long statement in `track`, and the caller decides
 * what to show (the CLI draws a bar on a terminal). The library itself never writes to the terminal.
 */
export interface Progress {
  /** Show `label` while `work` runs, with DuckDB's progress for the current statement. */
  track<T>(label: string, work: Promise<T>): Promise<T>
}

export const silentProgress: Progress = { track: (_label, work) => work }
