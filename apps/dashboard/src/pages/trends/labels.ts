/** Labels and colours of the trend categories, in the UI language, from the domain's vocabularies. */
import type { TrendBreakdown } from "@lao-protect/warehouse"
import { labelOf, provinces } from "../../data/reference.ts"
import type { Lang, MessageKey, T } from "../../i18n/index.ts"
import { OTHER, UNKNOWN } from "./series.ts"

export const BREAKDOWN_LABEL: { readonly [B in TrendBreakdown]: MessageKey } = {
  total: "byTotal",
  victim_group: "byVictimGroup",
  exploitation_form: "byExploitationForm",
  destination: "byDestination",
  sex_age: "bySexAge",
  ethnicity_family: "byEthnicityFamily",
  outcome: "byOutcome",
  province: "byProvince",
}

const OUTCOME_LABEL: Readonly<Record<string, MessageKey>> = {
  reintegrated: "outcomeReintegrated",
  re_trafficked: "outcomeReTrafficked",
  lost_contact: "outcomeLostContact",
  in_process: "outcomeInProcess",
  other_exit: "outcomeOtherExit",
}

export const categoryLabel = (breakdown: TrendBreakdown, code: string, lang: Lang, t: T): string => {
  if (code === "total") return t("byTotal")
  if (code === OTHER) return t("otherSeries")
  if (code === UNKNOWN) return breakdown === "destination" ? `${t("unknown")} / ${t("none")}` : t("unknown")
  switch (breakdown) {
    case "victim_group":
      return labelOf("victimGroup", code, lang, t("unknown")).text
    case "exploitation_form":
      return labelOf("exploitationForm", code, lang, t("unknown")).text
    case "destination":
      return labelOf("destination", code, lang, t("unknown")).text
    case "ethnicity_family":
      return labelOf("ethnicityFamily", code, lang, t("unknown")).text
    case "province":
      return labelOf("province", code, lang, t("unknown")).text
    case "outcome": {
      const key = OUTCOME_LABEL[code]
      return key ? t(key) : code
    }
    case "sex_age": {
      const [sex = "", age = ""] = code.split("|")
      return `${labelOf("sex", sex, lang, t("unknown")).text} ${labelOf("ageBand", age, lang, t("unknown")).text}`
    }
    default:
      return code
  }
}

/** Colour-blind-safe categorical palette (Okabe-Ito), none equal to the synthetic badge's orange. */
export const PALETTE = [
  "#0072B2",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#E69F00",
  "#000000",
  "#7F7F7F",
]
export const REFERENCE_COLOUR = "#6A3D9A"

export const nationalPopulation = provinces.reduce((a, p) => a + p.population, 0)
export const nationalChildPopulation = provinces.reduce((a, p) => a + p.childPopulation, 0)

/** Child series: an age band under 18 in the sex-by-age breakdown. */
export const isChildCategory = (breakdown: TrendBreakdown, code: string): boolean =>
  breakdown === "sex_age" && /\|(0-8|9-17)$/.test(code)
