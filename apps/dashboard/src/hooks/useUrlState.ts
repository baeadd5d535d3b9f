import { useCallback, useEffect, useState } from "react"
import type { Lang } from "../i18n/index.ts"
import { type Allowed, type AppState, parseState, serializeState } from "../lib/state.ts"

const LANG_KEY = "lao-protect.lang"

const storedLang = (): Lang => {
  try {
    return localStorage.getItem(LANG_KEY) === "lo" ? "lo" : "en"
  } catch {
    return "en"
  }
}

export type Update = (update: (s: AppState) => AppState) => void

/** App state mirrored in the query string (replaceState) and the language also in localStorage. */
export function useUrlState(allowed: Allowed): readonly [AppState, Update] {
  const [state, setState] = useState<AppState>(() => parseState(location.search, allowed, storedLang()))
  useEffect(() => {
    const next = serializeState(state)
    if (next !== location.search) history.replaceState(null, "", `${location.pathname}${next}`)
    try {
      localStorage.setItem(LANG_KEY, state.lang)
    } catch {
      // storage can be disabled; the URL still carries the language
    }
    document.documentElement.lang = state.lang
  }, [state])
  useEffect(() => {
    const onPop = () => setState(parseState(location.search, allowed, storedLang()))
    addEventListener("popstate", onPop)
    return () => removeEventListener("popstate", onPop)
  }, [allowed])
  const update = useCallback((f: (s: AppState) => AppState) => setState(f), [])
  return [state, update] as const
}
