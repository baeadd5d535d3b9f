/** What one `pnpm audit --prod --json` run says, in one sentence for the dated record. */
export function auditOutcome(status: number | null, text: string): string {
  if (/ERR_PNPM_AUDIT_BAD_RESPONSE|responded with \d{3}/.test(text)) {
    const code = /responded with (\d{3})/.exec(text)?.[1]
    return `The advisory service did not answer${code ? ` (HTTP ${code})` : ""}: advisories were NOT checked.`
  }
  try {
    const json = JSON.parse(text) as { metadata?: { vulnerabilities?: Record<string, number> } }
    const v = json.metadata?.vulnerabilities
    if (v) {
      const found = Object.entries(v).filter(([, n]) => n > 0)
      return found.length === 0
        ? "No known advisory affects the production dependencies."
        : `Advisories found: ${found.map(([level, n]) => `${n} ${level}`).join(", ")} (run pnpm audit --prod for details).`
    }
  } catch {
    // Not JSON: reported below as it came.
  }
  return `pnpm audit exited ${status ?? "by a signal"}: ${text.trim().split("\n")[0]?.slice(0, 300) ?? ""}`
}
