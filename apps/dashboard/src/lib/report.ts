/**
 * For a promise the page can live without (a boundary file not built yet, fullscreen refused by the
 * browser, an optional published table): the page carries on, and the failure is said on the console
 * with what was being done, never swallowed.
 */
export const reportFailure =
  (what: string) =>
  (err: unknown): void =>
    console.warn(`${what} failed:`, err)
