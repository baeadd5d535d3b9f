import type { T } from "../i18n/index.ts"
import { type Classes, classLabels } from "../lib/choropleth.ts"
import { NO_DATA_FILL, SUPPRESSED_FILL } from "../lib/classify.ts"
import { hidesNothing } from "../lib/suppress.ts"
import { MAX_FLOWS, mapFlowWidth } from "./MapView.tsx"

export interface LegendProps {
  readonly t: T
  readonly title: string
  readonly classes: Classes
  readonly format: (n: number) => string
  /** Decimals the values are shown with (0 for counts): class labels step by one unit of it. */
  readonly decimals: number
  readonly threshold: number
  /** A planners-tier screen switched to the public rule: the legend says so. */
  readonly publicRuleShown?: boolean
  readonly showFlows: boolean
  readonly flowThreshold: number
  readonly showCpn: boolean
  readonly cpnIllustrative: boolean
  readonly showShelters: boolean
  /** The largest drawn movement and checkpoint count, for the width and size keys. */
  readonly flowMax?: number | null
  readonly showCheckpoints?: boolean
  readonly checkpointMax?: number | null
}

/** Two or three round sample values under `max` for a size key. */
const samples = (max: number): Array<number> => {
  const mag = 10 ** Math.floor(Math.log10(max))
  const top = Math.floor(max / mag) * mag
  return [...new Set([top, Math.round(top / 4), Math.round(top / 16)])].filter((n) => n > 0)
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
            <span className="swatch swatch-hatched" style={{ backgroundColor: SUPPRESSED_FILL }} />
            {t("suppressedLegend", { k: props.threshold })}
          </li>
        )}
        {props.publicRuleShown && (
          <li data-legend="rule" className="note">
            {t("screenRuleShown", { rule: t("screenRulePublic", { k: props.threshold }) })}
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
          {props.flowMax ? (
            <li data-legend="flow-widths">
              {t("flowWidthLegend")}:{" "}
              {samples(props.flowMax).map((n) => (
                <span key={n} className="flow-sample">
                  <span
                    className="line line-sample"
                    style={{ borderTopWidth: `${mapFlowWidth(n, props.flowMax ?? n)}px` }}
                  />
                  {format(n)}
                </span>
              ))}
            </li>
          ) : null}
          <li className="note">{t("flowThresholdNote", { k: props.flowThreshold, max: MAX_FLOWS })}</li>
        </ul>
      )}
      {props.showCheckpoints && (
        <ul data-legend="checkpoints">
          <li>{t("checkpointsLegend")}</li>
          {props.checkpointMax ? (
            <li className="bp-samples">
              {samples(props.checkpointMax).map((n) => {
                const d = 2 * (3 + 14 * Math.sqrt(n / (props.checkpointMax ?? n)))
                return (
                  <span key={n} className="bp-sample">
                    <span className="bp-circle" style={{ width: `${d}px`, height: `${d}px` }} />
                    {format(n)}
                  </span>
                )
              })}
            </li>
          ) : null}
          {hidesNothing(props.threshold) ? null : (
            <li>
              <span className="bp-circle bp-suppressed" />
              {t("checkpointSuppressed", { k: props.threshold })}
            </li>
          )}
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
