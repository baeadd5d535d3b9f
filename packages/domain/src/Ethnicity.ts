/**
 * Ethnicity: the four ethno-linguistic families and the 49 officially recognised ethnic groups of
 * Lao PDR (2015 census classification), plus `other` and `unknown`, with bilingual labels,
 * spelling variants and a lookup.
 *
 * Data and sources: `data/ethnic-groups.ts`. Romanisation varies a lot; two Mon-Khmer slots are not
 * printed in the source list and are filled provisionally (`listStatus`). Lao names exist in the
 * sources for the families only; group names in Lao are flagged for review.
 *
 * This module records a person's self-identified group for statistics; it does not infer ethnicity
 * from language, place or name.
 */
import * as Schema from "effect/Schema"
import {
  type EthnicFamilyRow,
  type EthnicGroupRow,
  ethnicFamilyRows,
  ethnicGroupRows,
} from "./data/ethnic-groups.ts"
import type { Label, Labels } from "./Label.ts"
import { type Match, normalizeName } from "./Place.ts"

const familyCodes = ethnicFamilyRows.map((f) => f.code) as ReadonlyArray<
  (typeof ethnicFamilyRows)[number]["code"]
>
const groupCodes = ethnicGroupRows.map((g) => g.code) as ReadonlyArray<
  (typeof ethnicGroupRows)[number]["code"]
>

export const EthnicFamily = /*#__PURE__*/ Schema.Literals(familyCodes).annotate({
  title: "EthnicFamily",
  description:
    "Ethno-linguistic family of an ethnic group (2015 census): Lao-Tai, Mon-Khmer, Hmong-Mien, Sino-Tibetan, other or unknown.",
  examples: ["lao_tai", "mon_khmer"],
})
export type EthnicFamily = typeof EthnicFamily.Type

export const EthnicGroup = /*#__PURE__*/ Schema.Literals(groupCodes).annotate({
  title: "EthnicGroup",
  description:
    "One of the 49 officially recognised ethnic groups of Lao PDR (slug of the English name), or other / unknown.",
  examples: ["lao", "khmu", "hmong", "akha"],
})
export type EthnicGroup = typeof EthnicGroup.Type

export interface Family extends Omit<EthnicFamilyRow, "code"> {
  readonly code: EthnicFamily
}
export interface Group extends Omit<EthnicGroupRow, "code" | "family"> {
  readonly code: EthnicGroup
  readonly family: EthnicFamily
}

export const families: ReadonlyArray<Family> = ethnicFamilyRows
export const groups: ReadonlyArray<Group> = ethnicGroupRows

/** The 49 official groups (without `other` and `unknown`). */
export const officialGroups: ReadonlyArray<Group> = groups.filter((g) => g.listStatus !== "not_a_group")

const groupByCode = new Map(groups.map((g) => [g.code, g]))

export const group = (code: EthnicGroup): Group => groupByCode.get(code)!

export const familyOf = (code: EthnicGroup): EthnicFamily => group(code).family

export const groupsOf = (family: EthnicFamily): ReadonlyArray<Group> =>
  groups.filter((g) => g.family === family)

const index = new Map<string, Array<Group>>()
for (const g of groups) {
  for (const name of [g.code, g.nameEn, ...g.variants, ...(g.nameLo === "" ? [] : [g.nameLo])]) {
    const key = normalizeName(name)
    const list = index.get(key) ?? []
    if (!list.includes(g)) list.push(g)
    index.set(key, list)
  }
}

/**
 * Finds an ethnic group by code, English name or spelling variant ("Khmou", "Kammu", "Phou Tai",
 * "Yao"), ignoring case, diacritics, spaces and hyphens.
 */
export const findEthnicGroup = (text: string): Match<Group> => {
  if (typeof text !== "string") return { _tag: "NotFound", input: String(text) }
  const hits = index.get(normalizeName(text)) ?? []
  const [first, ...rest] = hits
  if (first === undefined) return { _tag: "NotFound", input: text }
  if (rest.length > 0) return { _tag: "Ambiguous", input: text, candidates: hits, why: "several" }
  return { _tag: "Found", value: first, by: first.code === text ? "code" : "name" }
}

const label = (nameEn: string, nameLo: string, loSource: string | null, description: string): Label =>
  nameLo === "" || loSource === null || loSource.includes("not confirmed")
    ? { en: nameEn, lo: nameLo, description, loNeedsReview: true }
    : { en: nameEn, lo: nameLo, description }

export const familyLabels: Labels<EthnicFamily> = Object.fromEntries(
  families.map((f) => [
    f.code,
    label(
      f.nameEn,
      f.nameLo,
      f.loSource,
      f.officialGroups === null
        ? `${f.nameEn} ethnic family.`
        : `${f.nameEn} ethno-linguistic family: ${f.officialGroups} official groups, ${f.share2015Pct}% of the population in 2015.`,
    ),
  ]),
) as Labels<EthnicFamily>

export const groupLabels: Labels<EthnicGroup> = Object.fromEntries(
  groups.map((g) => [
    g.code,
    label(
      g.nameEn,
      g.nameLo,
      g.loSource,
      g.listStatus === "not_a_group"
        ? `${g.nameEn} ethnic group.`
        : `${g.nameEn} (${families.find((f) => f.code === g.family)?.nameEn} family)${g.variants.length > 0 ? `; also written ${g.variants.join(", ")}` : ""}.`,
    ),
  ]),
) as Labels<EthnicGroup>
