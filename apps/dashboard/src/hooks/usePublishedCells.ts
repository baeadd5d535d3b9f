/**
 * The published cells (publish's complementary suppression flags) of the view the map shows, while
 * a planners-tier screen is switched to the public rule, so the map draws what the public release
 * shows. Loading is declared pending, so an image export waits for it; a failed load stays pending
 * (the export fails loudly, naming it) and is reported.
 */
import type { Connector, Publication } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { publishedCells, publishedYearOf } from "../export/published.ts"
import { usePending } from "../export/screenRule.tsx"
import type { AppState } from "../lib/state.ts"
import type { Cell } from "../lib/suppress.ts"

export const usePublishedCells = (
  conn: Connector | null | undefined,
  manifest: Publication.Manifest | null,
  state: AppState,
  active: boolean,
): ReadonlyMap<string, Cell> | null => {
  const key =
    active && conn && manifest
      ? `${manifest.release}|${state.level}|${publishedYearOf(state)}|${JSON.stringify(state.codes)}`
      : null
  const [loaded, setLoaded] = useState<{
    readonly key: string
    readonly cells: ReadonlyMap<string, Cell> | null
  } | null>(null)
  useEffect(() => {
    if (key === null) return
    let cancelled = false
    publishedCells(conn, manifest, state).then(
      (cells) => {
        if (!cancelled) setLoaded({ key, cells })
      },
      (e: unknown) => console.error("loading the published cells failed", e),
    )
    return () => {
      cancelled = true
    }
  }, [key])
  const ready = key !== null && loaded?.key === key
  usePending(`published cells (${key})`, key !== null && !ready)
  return ready ? (loaded?.cells ?? null) : null
}
