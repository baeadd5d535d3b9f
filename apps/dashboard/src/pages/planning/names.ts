/** District and province names in the page's language (shared by the planning sections). */
import { labelOf } from "../../data/reference.ts"
import type { Lang } from "../../i18n/index.ts"

export const districtName = (code: string, lang: Lang) => labelOf("district", code, lang, code).text
export const provinceName = (code: string | null, lang: Lang, unknown: string) =>
  labelOf("province", code, lang, unknown).text
