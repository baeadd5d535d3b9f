import type { T } from "../i18n/index.ts"
import type { Classes } from "../lib/choropleth.ts"
import { NO_DATA_FILL, SUPPRESSED_FILL } from "../lib/classify.ts"
import { MAX_FLOWS } from "./MapView.tsx"

export interface LegendProps {
  readonly t: T
  readonly title: string
  readonly classes: Classes
  readonly format: (n: number) => string
  readonly threshold: number
  readonly showFlows: boolean
  readonly flowThreshold: number
  readonly showCpn: boolean
  readonly cpnIllustrative: boolean
  readonly showShelters: boolean
}

export function Legend(props: LegendProps) {
  const { t, classes, format } = props
  return (
    <section className="legend" aria-label={t("legend")}>
      <h3>{props.title}</h3>
      <ul>
        {classes.breaks.map((upper, i) => {
          const lower = i === 0 ? null : classes.breaks[i - 1]
          return (
            <li key={upper} data-legend="class">
              <span className="swatch" style={{ background: classes.colours[i] }} />
              {lower === null || lower === undefined
                ? `≤ ${format(upper)}`
                : `${format(lower)} – ${format(upper)}`}
            </li>
          )
        })}
        <li data-legend="suppressed">
          <span className="swatch" style={{ background: SUPPRESSED_FILL }} />
          {t("suppressedLegend", { k: props.threshold })}
        </li>
        <li data-legend="no-data">
          <span className="swatch swatch-empty" style={{ background: NO_DATA_FILL }} />
          {t("noData")}
        </li>
      </ul>
      {props.showFlows && (
        <ul>
          <li>
            <span className="line line-out" />
            {t("flowsOut")}
          </li>
          <li>
            <span className="line line-return" />
            {t("flowsReturn")}
          </li>
          <li className="note">{t("flowThresholdNote", { k: props.flowThreshold, max: MAX_FLOWS })}</li>
        </ul>
      )}
      {props.showCpn && (
        <p className="note">
          <span className="line line-cpn" />
          {t("cpnCoverage")}: {props.cpnIllustrative ? t("illustrative") : t("fromFile")}
        </p>
      )}
      {props.showShelters && (
        <p className="note">
          <span className="dot dot-shelter" />
          {t("shelters")}: {t("illustrative")}
        </p>
      )}
    </section>
  )
}
