/**
 * The screen rule an export draws under. On a release whose screen shows exact counts (the planners
 * tier), a default image export asks the app to show the public rule (`withPublicRule`), waits until
 * every view has drawn under it (React commit, then frames, then every pending load a view declared
 * with `usePending`), captures, and gives the exact screen back.
 */
import { createContext, useContext, useLayoutEffect } from "react"
import type { ImageVariant } from "../lib/screenRule.ts"

export interface ScreenRuleApi {
  readonly variants: ReadonlyArray<ImageVariant>
  /** Runs `capture` while every view shows the publication's rule; the screen rule comes back after. */
  readonly withPublicRule: <A>(capture: () => Promise<A>) => Promise<A>
}

const ScreenRuleContext = createContext<ScreenRuleApi>({
  variants: [{ kind: "public", switchToPublic: false }],
  withPublicRule: (capture) => capture(),
})
export const ScreenRuleProvider = ScreenRuleContext.Provider
export const useScreenRule = (): ScreenRuleApi => useContext(ScreenRuleContext)

const pending = new Map<symbol, string>()

/**
 * Declares a view's load in progress (e.g. the published cells the map needs under the public
 * rule): a capture waits until none is left. Registered in a layout effect, so the commit that
 * switches the rule already holds it.
 */
export const usePending = (name: string, active: boolean): void => {
  useLayoutEffect(() => {
    if (!active) return
    const id = Symbol(name)
    pending.set(id, name)
    return () => {
      pending.delete(id)
    }
  }, [name, active])
}

export const pendingViews = (): ReadonlyArray<string> => [...pending.values()]

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Resolves once no view has declared a pending load for three frames; fails loudly after `timeoutMs`. */
export const settled = async (timeoutMs = 20_000): Promise<void> => {
  const start = performance.now()
  let quiet = 0
  while (quiet < 3) {
    await frame()
    quiet = pending.size === 0 ? quiet + 1 : 0
    if (quiet < 3 && performance.now() - start > timeoutMs)
      throw new Error(
        `export: the views did not finish drawing under the public rule within ${timeoutMs} ms (waiting for: ${pendingViews().join(", ") || "frames"})`,
      )
  }
}
