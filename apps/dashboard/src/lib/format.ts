/** Locale-aware number formatting: Lao digits and separators come from Intl ('lo-LA'), not by hand. */
import type { Lang } from "../i18n/index.ts"

const intlLocale = (lang: Lang) => (lang === "lo" ? "lo-LA" : "en")

export const formatNumber = (lang: Lang, n: number, maximumFractionDigits = 0): string =>
  new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits }).format(n)

export const formatDate = (lang: Lang, iso: string): string => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(intlLocale(lang), { year: "numeric", month: "long", day: "numeric" }).format(
        date,
      )
}
