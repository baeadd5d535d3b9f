import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { openWarehouse } from "@lao-protect/warehouse/node"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import importCtdc from "../src/import-ctdc.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))

describe("lao-protect import-ctdc", () => {
  const work = mkdtempSync(join(tmpdir(), "lp-ctdc-cli-"))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const run = async (argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const stream = (to: string[]) =>
      ({ write: (s: string) => to.push(s) > 0 }) as unknown as NodeJS.WriteStream
    const ctx: CliContext = {
      cwd: work,
      repoRoot,
      defaultDb: join(work, "w.duckdb"),
      resolve: (p) => resolve(work, p),
      stdout: stream(out),
      stderr: stream(err),
    }
    const code = await importCtdc.run(argv, ctx)
    return { code, stdout: out.join(""), stderr: err.join("") }
  }

  it("reads the 2024 layout with its headers in any case, Transgender/NonConforming and ZZ", async () => {
    writeFileSync(
      join(work, "synthetic.csv"),
      [
        "yearOfRegistration,Gender,ageBroad,Citizenship,CountryofExploitation,traffickMonths,meansDebtBondageEarnings,isForcedLabour",
        "2021,Woman,9--17,LAO,THA,0--12 (0-1 yr),1,1",
        "2022,Transgender/NonConforming,18--20,ZZ,ZZ,,,",
        ",Man,30--38,LAO,THA,,,1",
      ].join("\n"),
    )
    const r = await run(["synthetic.csv"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("layout: 2024 synthetic\nrows read: 3\naccepted: 2\nrejected: 1\n")
    expect(r.stdout).toContain("row 4: yearOfRegistration is missing")
    const db = await openWarehouse(join(work, "w.duckdb"))
    const rows = await db.query<Record<string, unknown>>(
      "SELECT sex, citizenship, country_of_exploitation AS c, array_to_string(flags, ';') AS f FROM ctdc_record ORDER BY row_number",
    )
    await db.close()
    expect(rows).toEqual([
      { sex: "female", citizenship: "LAO", c: "THA", f: "meansDebtBondageEarnings;isForcedLabour" },
      { sex: "non_binary", citizenship: null, c: null, f: "" },
    ])
    // The same file again replaces its rows.
    await run(["synthetic.csv"])
    const again = await openWarehouse(join(work, "w.duckdb"))
    const n = await again.query<{ n: number }>("SELECT count(*) AS n FROM ctdc_record")
    await again.close()
    expect(Number(n[0]!.n)).toBe(2)
  })

  it("reads the legacy layout with the codebook's means-of-control labels", async () => {
    writeFileSync(
      join(work, "legacy.csv"),
      [
        "yearOfRegistration,Datasource,gender,ageBroad,majorityStatus,citizenship,meansOfControlConcatenated,typeOfExploitConcatenated",
        "2016,Case Management,Female,9--17,Minor,LA,Debt bondage;Threat of law enforcement;Not specified,Forced labour",
        "2017,Case Management,Male,-99,Adult,ZZ,Restricts medical care;Other;Witchcraft,Sexual exploitation",
      ].join("\n"),
    )
    const r = await run(["legacy.csv"])
    expect(r.stdout).toContain(
      "layout: legacy Global Dataset\nrows read: 2\naccepted: 2\nrejected: 0\nwarnings: 1\n",
    )
    expect(r.stdout).toContain('row 3: means of control "Witchcraft" is not in the legacy codebook')
  })

  it("fails with exit code 1 on a file that is not CTDC", async () => {
    writeFileSync(join(work, "x.csv"), "a,b\n1,2\n")
    const r = await run(["x.csv"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("import-ctdc failed: not a CTDC file")
  })
})
