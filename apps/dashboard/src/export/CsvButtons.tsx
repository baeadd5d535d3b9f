/**
 * The CSV buttons every table, chart and map offers: the publication's rule by default and, when the
 * screen shows exact counts (the planners tier), the exact table as a second button marked restricted.
 */
import type { T } from "../i18n/index.ts"

export interface CsvButtonsProps {
  readonly t: T
  /** `data-export` of the default button; the exact one is `<name>-exact`. */
  readonly name: string
  /** The screen shows exact counts: offer them too, as the restricted version. */
  readonly exactOffered: boolean
  readonly onExport: (exact: boolean) => void
}

export function CsvButtons({ t, name, exactOffered, onExport }: CsvButtonsProps) {
  return (
    <>
      <button type="button" data-export={name} onClick={() => onExport(false)}>
        {t("exportCsv")}
      </button>
      {exactOffered && (
        <button
          type="button"
          data-export={`${name}-exact`}
          className="restricted"
          onClick={() => onExport(true)}
        >
          {t("exportCsvExact")}
        </button>
      )}
    </>
  )
}
