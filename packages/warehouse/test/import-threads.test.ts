/**
 * An import of at most one row group runs its statements on one thread and sets the connection's
 * thread count back afterwards: committed, dry run or failed inside the transaction.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ImportError, importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
const header = "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form"
const good = "A-1,afesip,2024-06-15,local_lao,female,LAO,forced_labour"
const bad = "A-2,afesip,2024-02-30,local_lao,female,LAO,forced_labour"

describe("threads during a small import", () => {
  it("are set back after a committed import, a dry run and an import that fails in its transaction", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lp-threads-"))
    const file = join(dir, "cases.csv")
    writeFileSync(file, `${header}\n${good}\n${bad}\n`)
    const db = await openWarehouse(join(dir, "w.duckdb"), { config: { threads: "3" } })
    const threads = async () =>
      (await db.query<{ t: string }>("SELECT current_setting('threads')::VARCHAR AS t"))[0]?.t
    try {
      expect(await threads()).toBe("3")
      const dry = await importFile(db, { file, model, dryRun: true })
      expect([dry.accepted, dry.rejected]).toEqual([1, 1])
      expect(await threads()).toBe("3")
      // The rejected file's temporary copy cannot be written: the import fails after its checks ran.
      await expect(
        importFile(db, { file, model, reportAs: join(dir, "no-such-folder", "cases.csv") }),
      ).rejects.toBeInstanceOf(ImportError)
      expect(await threads()).toBe("3")
      expect((await db.query<{ n: number }>("SELECT count(*) AS n FROM cases"))[0]?.n).toBe(0)
      const done = await importFile(db, { file, model })
      expect([done.accepted, done.rejected]).toEqual([1, 1])
      expect(await threads()).toBe("3")
    } finally {
      await db.close()
    }
  })
})
