import type { T } from "../i18n/index.ts"
import { type Classes, classLabels } from "../lib/choropleth.ts"
import { NO_DATA_FILL, SUPPRESSED_FILL } from "../lib/classify.ts"
import { hidesNothing } from "../lib/suppress.ts"
import { MAX_FLOWS } from "./MapView.tsx"

export interface LegendProps {
  readonly t: T
  readonly title: string
  readonly classes: Classes
  readonly format: (n: number) => string
  /** Decimals the values are shown with (0 for counts): class labels step by one unit of it. */
  readonly decimals: number
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
        {classLabels(classes, props.decimals, format).map((label, i) => (
          <li key={label} data-legend="class">
            <span className="swatch" style={{ background: classes.colours[i] }} />
            {label}
          </li>
        ))}
        {hidesNothing(props.threshold) ? (
          <li data-legend="rule" className="note">
            {t("exactLegend")}
          </li>
        ) : (
          <li data-legend="suppressed">
            <span
              className="swatch"
              style={{
                background: `repeating-linear-gradient(45deg, ${SUPPRESSED_FILL} 0 3px, #4d4d4d 3px 4.5px)`,
              }}
            />
            {t("suppressedLegend", { k: props.threshold })}
          </li>
        )}
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
