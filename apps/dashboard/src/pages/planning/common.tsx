/** Small pieces the planning sections share: the input-file box (origin, import, errors) and downloads. */
import type { ReactNode } from "react"
import type { T } from "../../i18n/index.ts"
import type { Loaded, Origin } from "./inputs.ts"

export const originKey = {
  served: "planOriginServed",
  illustrative: "planOriginIllustrative",
  imported: "planOriginImported",
  edited: "planOriginEdited",
} as const satisfies { readonly [O in Origin]: string }

export interface InputBoxProps<A> {
  readonly t: T
  readonly id: string
  readonly title: string
  readonly input: Loaded<A> | null
  readonly onImport: (text: string) => void
  readonly onReset: () => void
  readonly children?: ReactNode
}

/** Where the input came from (illustrative labelled loudly), a file picker, and the row errors. */
export function InputBox<A>({ t, id, title, input, onImport, onReset, children }: InputBoxProps<A>) {
  return (
    <div className="plan-input" data-testid={`input-${id}`} data-origin={input?.origin ?? "loading"}>
      <p>
        <strong>{title}</strong>:{" "}
        <span
          className={input?.origin === "illustrative" ? "plan-illustrative" : ""}
          data-testid={`origin-${id}`}
        >
          {input ? t(originKey[input.origin]) : t("planLoading")}
        </span>{" "}
        {input && t("planRowsLoaded", { n: input.rows.length })}
      </p>
      <label>
        {t("planImportCsv")}{" "}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid={`import-${id}`}
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (file) onImport(await file.text())
            e.target.value = ""
          }}
        />
      </label>{" "}
      {input && input.origin !== "served" && input.origin !== "illustrative" && (
        <button type="button" onClick={onReset} data-testid={`reset-${id}`}>
          {t("planResetInput")}
        </button>
      )}
      {children}
      {input && input.errors.length > 0 && (
        <table className="plan-errors" data-testid={`errors-${id}`}>
          <caption>{t("planRowErrors", { n: input.errors.length })}</caption>
          <thead>
            <tr>
              <th>{t("planErrRow")}</th>
              <th>{t("planErrField")}</th>
              <th>{t("planErrReason")}</th>
              <th>{t("planErrValue")}</th>
            </tr>
          </thead>
          <tbody>
            {input.errors.map((e) => (
              <tr key={`${e.row}-${e.field}`} data-row={e.row} data-field={e.field}>
                <td>{e.row}</td>
                <td>{e.field}</td>
                <td>{e.reason}</td>
                <td>{e.value ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
