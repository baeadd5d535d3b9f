/**
 * The translators' check, run by `build` and by test/i18n.test.ts: fails when any message key lacks
 * a non-empty translation in English or Lao, and lists the Lao strings still awaiting review.
 */
import { notesAwaitingLao } from "@lao-protect/warehouse/measure-mapping"
import { catalogues, missingTranslations, needsReview, needsReviewByView } from "../src/i18n/index.ts"

export function checkTranslations(): void {
  const problems = missingTranslations(catalogues)
  if (problems.length > 0) {
    throw new Error(`Missing translations:\n  ${problems.join("\n  ")}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    checkTranslations()
    console.log(
      `i18n: ${Object.keys(catalogues.en).length} keys in en and lo; ${needsReview.length} Lao strings are not sourced yet and show in English with a * in the Lao UI:`,
    )
    for (const { view, keys } of needsReviewByView)
      console.log(`  ${view} (${keys.length}): ${keys.join(", ")}`)
    const notes = notesAwaitingLao()
    if (notes.length > 0) {
      console.log(
        `  official statistics notes (${notes.length}), shown in English with a * in the Lao UI until a translator's text is recorded as noteLo (packages/warehouse/src/official-stats/measure-mapping.ts):`,
      )
      for (const { measure, note } of notes) console.log(`    ${measure}: ${note}`)
    }
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err))
    process.exit(1)
  }
}
