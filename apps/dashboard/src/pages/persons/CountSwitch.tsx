/** The shared cases / persons switch of the map and trends (`count=persons` in the URL). */
import type { Update } from "../../hooks/useUrlState.ts"
import type { T } from "../../i18n/index.ts"
import type { AppState, Count } from "../../lib/state.ts"
import "./persons.css"

export function CountSwitch({
  t,
  state,
  update,
  available,
}: {
  readonly t: T
  readonly state: AppState
  readonly update: Update
  readonly available: boolean
}) {
  const choose = (count: Count) =>
    // persons are published by province over all years: the map shows counts of provinces
    update((s) =>
      count === "persons" ? { ...s, count, level: "province", metric: "count" } : { ...s, count },
    )
  return (
    <fieldset className="count-switch" data-testid="count-switch">
      <legend>{t("countLabel")}</legend>
      {(["cases", "persons"] as const).map((count) => (
        <label key={count}>
          <input
            type="radio"
            name="count"
            value={count}
            data-count={count}
            checked={state.count === count}
            disabled={count === "persons" && !available}
            onChange={() => choose(count)}
          />
          {t(count === "cases" ? "countCases" : "countPersons")}
        </label>
      ))}
      {state.count === "persons" && !available && (
        <p className="note" role="status" data-testid="persons-missing">
          {t("personsMissing")}
        </p>
      )}
    </fieldset>
  )
}
