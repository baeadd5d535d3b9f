/** Deterministic generator of distinct, realistic CaseRow records (valid, with a share of invalid ones). */
import * as CaseRow from "../src/CaseRow.ts"
import * as CaseStage from "../src/CaseStage.ts"

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const DAY = 86_400_000
const BASE = Date.parse("2005-01-01T00:00:00Z")
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const codes = (c: CaseRow.ColumnName) => CaseRow.columnSpecs[c].codes ?? []

const stageColumn: Partial<Record<string, CaseRow.ColumnName>> = {
  interim_care: "interim_care_date",
  assessment_bid: "assessment_date",
  return_reception: "return_date",
  reintegration: "reintegration_date",
  follow_up: "follow_up_date",
  closed: "closed_date",
}

/** `n` distinct rows; about `invalidShare` of them break one rule. */
export const generateRows = (n: number, seed = 42, invalidShare = 0.05): Array<Record<string, string>> => {
  const rnd = mulberry32(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)]!
  const maybe = (p: number, f: () => string) => (rnd() < p ? f() : "")
  const listOf = (c: CaseRow.ColumnName, max: number) => {
    const all = codes(c)
    const k = Math.floor(rnd() * (max + 1))
    const out = new Set<string>()
    for (let i = 0; i < k; i++) out.add(pick(all))
    return [...out].join(";")
  }
  const districts = codes("origin_district")
  const pairs = CaseRow.caseRowCrossFieldRules.find((r) => r.kind === "provinceOfDistrict")
  const citable = CaseRow.caseRowCrossFieldRules.find((r) => r.kind === "citableBy")
  const rows: Array<Record<string, string>> = new Array(n)
  for (let i = 0; i < n; i++) {
    const idMs = BASE + Math.floor(rnd() * 7000) * DAY
    const age = Math.floor(rnd() * 40) + 10
    const district = maybe(0.8, () => pick(districts))
    const row: Record<string, string> = {
      ...CaseRow.emptyRow(),
      case_id: `${pick(["LWU", "AFESIP", "MLSW", "IOM"])}-${iso(idMs).slice(0, 4)}/${i.toString(36)}`,
      source: pick(codes("source")),
      identification_date: iso(idMs),
      identifying_agency: maybe(0.7, () => pick(codes("identifying_agency"))),
      victim_group: pick(codes("victim_group")),
      sex: rnd() < 0.7 ? "female" : pick(codes("sex")),
      citizenship: rnd() < 0.9 ? "LAO" : pick(codes("citizenship")),
      ethnicity: maybe(0.7, () => pick(codes("ethnicity"))),
      first_language: maybe(0.3, () => pick(["Lao", "Khmu", "Hmong", "Akha", "Tai Lue"])),
      origin_district: district,
      origin_province:
        district !== "" && pairs?.kind === "provinceOfDistrict" && rnd() < 0.8 ? pairs.pairs[district]! : "",
      border_checkpoint: maybe(0.6, () => pick(codes("border_checkpoint"))),
      destination_country: maybe(0.8, () => pick(["THA", "THA", "THA", "CHN", "MYS", "LAO"])),
      exploitation_district: maybe(0.1, () => pick(districts)),
      exploitation_form: pick(codes("exploitation_form")),
      industry: maybe(0.7, () => pick(codes("industry"))),
      means_of_control: listOf("means_of_control", 3),
      perpetrator_roles: listOf("perpetrator_roles", 2),
      legal_basis: listOf("legal_basis", 2),
      services: listOf("services", 4),
      referred_to: maybe(0.2, () => pick(codes("referred_to"))),
      consent: maybe(0.8, () => pick(codes("consent"))),
      victim_name: maybe(0.5, () => `Name ${i}`),
      phone: maybe(0.3, () => `+856 20 ${String(i).padStart(8, "0")}`),
      village: maybe(0.4, () => `Ban ${pick(["Nongbua", "Phonxay", "Nakham", "Donkeo"])}`),
      notes: maybe(0.1, () => `note ${i}`),
    }
    const ageMode = rnd()
    if (ageMode < 0.5) row.age_years = String(age)
    else if (ageMode < 0.75)
      row.date_of_birth = iso(idMs - age * 365.25 * DAY - Math.floor(rnd() * 300) * DAY)
    // the rules a valid row must meet since the domain grew them: a child (or a person of unknown
    // age, presumed one) alone in child labour, foreign victims not Lao, returnees with a destination
    const presumedChild = ageMode >= 0.75 || age < 19
    if (row.exploitation_form === "child_labour" && !(ageMode >= 0.75 || age < 18))
      row.exploitation_form = "forced_labour"
    if (row.victim_group === "foreign_in_lao" && row.citizenship === "LAO")
      row.citizenship = pick(["VNM", "CHN", "THA", "KHM", "MMR"])
    if (
      (row.victim_group === "repatriated_lao" || row.victim_group === "deported_lao") &&
      (row.destination_country === "" || row.destination_country === "LAO")
    )
      row.destination_country = pick(["THA", "CHN", "MYS"])
    let stage: string = "identification"
    let ms = idMs
    let bidAnchor = idMs
    let movedOut = false
    const steps = Math.floor(rnd() * 6)
    for (let s = 0; s < steps; s++) {
      const options = CaseStage.allowedFrom(stage as CaseStage.CaseStage)
      if (options.length === 0) break
      const next = pick(options)
      // a stage reached again, or an earlier one, would put its date out of order: the walk ends there
      const column = stageColumn[next]
      if (column !== undefined && row[column] !== "") break
      if (CaseStage.rank(next as CaseStage.CaseStage) < CaseStage.rank(stage as CaseStage.CaseStage)) break
      stage = next
      ms += Math.floor(rnd() * 60) * DAY
      if (CaseStage.isExit(stage as CaseStage.CaseStage)) {
        row.exit_reason = stage
        row.exit_date = iso(ms)
      } else row[stageColumn[stage]!] = iso(ms)
      if (CaseStage.rank(stage as CaseStage.CaseStage) <= 2) bidAnchor = ms
      else if (stage !== "lost_contact" && stage !== "referred_elsewhere") movedOut = true
    }
    // the child BID rule: a determination, dated before the first move out of care, by an authority
    if (movedOut && presumedChild) {
      row.bid_date = iso(bidAnchor)
      row.bid_outcome = pick(codes("bid_outcome"))
      row.bid_decided_by = pick(codes("bid_decided_by"))
    }
    // cited articles in force by the case's last date (a case cannot rest on a later law)
    const cited = row.legal_basis ?? ""
    if (citable?.kind === "citableBy" && cited !== "") {
      const last = iso(ms)
      row.legal_basis = cited
        .split(";")
        .filter((a) => (citable.from[a] ?? "") <= last)
        .join(";")
    }
    if (rnd() < invalidShare) {
      const k = Math.floor(rnd() * 4)
      if (k === 0) row.sex = "F"
      else if (k === 1)
        row.identification_date = `${iso(idMs).slice(8, 10)}/${iso(idMs).slice(5, 7)}/${iso(idMs).slice(0, 4)}`
      else if (k === 2) row.origin_province = "LA99"
      else row.exit_date = "2001-01-01"
    }
    rows[i] = row
  }
  return rows
}
