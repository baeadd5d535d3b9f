/** Locale-aware number formatting: Lao digits and separators come from Intl ('lo-LA'), not by hand. */
import type { Lang } from "../i18n/index.ts"

const intlLocale = (lang: Lang) => (lang === "lo" ? "lo-LA" : "en")

export const formatNumber = (lang: Lang, n: number, maximumFractionDigits = 0): string =>
  new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits }).format(n)

/** CLDR's Lao month names (test/format.test.ts checks them against Node's full ICU). */
export const LAO_MONTHS = [
  "ມັງກອນ",
  "ກຸມພາ",
  "ມີນາ",
  "ເມສາ",
  "ພຶດສະພາ",
  "ມິຖຸນາ",
  "ກໍລະກົດ",
  "ສິງຫາ",
  "ກັນຍາ",
  "ຕຸລາ",
  "ພະຈິກ",
  "ທັນວາ",
] as const

export const formatDate = (lang: Lang, iso: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const text = new Intl.DateTimeFormat(intlLocale(lang), {
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(date)
  // a browser built with a trimmed ICU (Debian's Chromium) has no Lao data and answers in English
  if (lang === "lo" && !/[\u0E80-\u0EFF]/.test(text))
    return `${date.getDate()} ${LAO_MONTHS[date.getMonth()]} ${date.getFullYear()}`
  return text
}
