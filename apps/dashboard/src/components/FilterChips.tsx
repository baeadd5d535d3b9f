/** The active filters as chips beside the map (each removable) and as one line for the legend title. */
import { labelOf } from "../data/reference.ts"
import type { Lang, T } from "../i18n/index.ts"
import { type AppState, FILTER_KEYS } from "../lib/state.ts"
import { FILTER_LABEL } from "./FilterBar.tsx"

export interface Chip {
  readonly id: string
  readonly text: string
  readonly clear: (s: AppState) => AppState
}

export const activeFilters = (t: T, lang: Lang, state: AppState): Array<Chip> => {
  const chips: Array<Chip> = []
  if (state.yearFrom !== null || state.yearTo !== null)
    chips.push({
      id: "years",
      text: `${t("years")}: ${state.yearFrom ?? "…"}–${state.yearTo ?? "…"}`,
      clear: (s) => ({ ...s, yearFrom: null, yearTo: null }),
    })
  for (const key of FILTER_KEYS) {
    const code = state.codes[key]
    if (code === null) continue
    const label = labelOf(key, code, lang, code)
    chips.push({
      id: key,
      text: `${t(FILTER_LABEL[key])}: ${label.needsReview ? `${label.text} *` : label.text}`,
      clear: (s) => ({ ...s, codes: { ...s.codes, [key]: null } }),
    })
  }
  return chips
}

export function FilterChips(props: {
  readonly t: T
  readonly chips: ReadonlyArray<Chip>
  readonly update: (f: (s: AppState) => AppState) => void
}) {
  const { t, chips } = props
  if (chips.length === 0) return null
  return (
    <ul className="chips" aria-label={t("activeFilters")} data-testid="filter-chips">
      {chips.map((c) => (
        <li key={c.id} data-chip={c.id}>
          {c.text}
          <button
            type="button"
            aria-label={t("removeFilter", { name: c.text })}
            onClick={() => props.update(c.clear)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
