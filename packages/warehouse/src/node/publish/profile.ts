/**
 * Opt-in phase timing for `publish` (`LAO_PROTECT_PROFILE=1`): each phase's wall time, the process's
 * resident memory after it and its high-water mark so far, one line per phase on stderr. Off by
 * default, it costs nothing but a check per phase.
 */
export interface PhaseTimer {
  /** End the current phase under `name` and start the next one. */
  (name: string): void
  /** The phases so far, in order (milliseconds). */
  readonly phases: ReadonlyArray<{ readonly name: string; readonly ms: number; readonly peakRssMb: number }>
}

export const profileEnabled = (): boolean => process.env.LAO_PROTECT_PROFILE === "1"

export const phaseTimer = (
  label: string,
  write: ((line: string) => void) | undefined = profileEnabled()
    ? (line) => process.stderr.write(`${line}\n`)
    : undefined,
): PhaseTimer => {
  const phases: Array<{ name: string; ms: number; peakRssMb: number }> = []
  const started = performance.now()
  let mark = started
  const timer = ((name: string) => {
    if (!write) return
    const now = performance.now()
    const peakRssMb = process.resourceUsage().maxRSS / 1024
    phases.push({ name, ms: now - mark, peakRssMb })
    write(
      `[profile ${label}] ${name.padEnd(22)} ${((now - mark) / 1000).toFixed(2).padStart(7)} s  ` +
        `(total ${((now - started) / 1000).toFixed(2)} s, rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB, ` +
        `peak ${peakRssMb.toFixed(0)} MB)`,
    )
    mark = now
  }) as PhaseTimer
  Object.defineProperty(timer, "phases", { get: () => phases })
  return timer
}
