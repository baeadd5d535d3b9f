import { DIM_OF_KEY, type FilterDim } from "@lao-protect/warehouse"
import { labelOf, vocab } from "../data/reference.ts"
import type { Lang, MessageKey, T } from "../i18n/index.ts"
import { type AppState, FILTER_KEYS, type FilterKey } from "../lib/state.ts"

export const FILTER_LABEL: { readonly [K in FilterKey]: MessageKey } = {
  victimGroup: "victimGroup",
  sex: "sex",
  ageBand: "ageBand",
  ethnicityFamily: "ethnicityFamily",
  ethnicGroup: "ethnicGroup",
  exploitationForm: "exploitationForm",
  destination: "destination",
  borderPoint: "borderPoint",
  stage: "stage",
}

export interface FilterBarProps {
  readonly t: T
  readonly lang: Lang
  readonly state: AppState
  readonly years: readonly [number, number] | null
  readonly update: (f: (s: AppState) => AppState) => void
  /** Called when the user is about to change a filter (pointer over it or focus). */
  readonly onActivate: (dim: FilterDim) => void
}

export function FilterBar({ t, lang, state, years, update, onActivate }: FilterBarProps) {
  const activation = (dim: FilterDim) => ({
    onPointerEnter: () => onActivate(dim),
    onFocus: () => onActivate(dim),
  })
  const yearOptions = years ? Array.from({ length: years[1] - years[0] + 1 }, (_, i) => years[0] + i) : []
  return (
    <section className="filters" aria-label={t("filters")}>
      <h2>{t("filters")}</h2>
      <fieldset {...activation("year")}>
        <legend>{t("years")}</legend>
        {(["yearFrom", "yearTo"] as const).map((bound) => (
          <label key={bound}>
            {t(bound)}
            <select
              data-filter={bound}
              value={state[bound] ?? ""}
              onChange={(e) =>
                update((s) => ({ ...s, [bound]: e.target.value === "" ? null : Number(e.target.value) }))
              }
            >
              <option value="">{t("all")}</option>
              {yearOptions.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {FILTER_KEYS.map((key) => (
        <label key={key} {...activation(DIM_OF_KEY[key])}>
          {t(FILTER_LABEL[key])}
          <select
            data-filter={key}
            value={state.codes[key] ?? ""}
            onChange={(e) =>
              update((s) => ({
                ...s,
                codes: { ...s.codes, [key]: e.target.value === "" ? null : e.target.value },
              }))
            }
          >
            <option value="">{t("all")}</option>
            {vocab[key].codes.map((code) => {
              const label = labelOf(key, code, lang, code)
              return (
                <option key={code} value={code}>
                  {label.needsReview ? `${label.text} *` : label.text}
                </option>
              )
            })}
          </select>
        </label>
      ))}
      <button
        type="button"
        onClick={() =>
          update((s) => ({
            ...s,
            yearFrom: null,
            yearTo: null,
            codes: Object.fromEntries(FILTER_KEYS.map((k) => [k, null])) as AppState["codes"],
          }))
        }
      >
        {t("clearFilters")}
      </button>
    </section>
  )
}
