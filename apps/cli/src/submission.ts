import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { parseArgs } from "node:util"
import { readCsv } from "@lao-protect/csv"
import { CaseRow, Linkage as Keys } from "@lao-protect/domain"
import {
  domainModel,
  ImportError,
  importFile,
  Linkage,
  type NodeConnector,
  openWarehouse,
  rawCsvText,
} from "@lao-protect/warehouse/node"
import { type CliContext, type Command, UsageError } from "./command.ts"

const SECRET_ENV = "LAO_PROTECT_LINKAGE_SECRET"

const readSecret = async (file: string | undefined, ctx: CliContext): Promise<string> => {
  const text = file ? await readFile(ctx.resolve(file), "utf8") : process.env[SECRET_ENV]
  if (!text) throw new UsageError(`give the linkage secret with --secret-file key.hex or ${SECRET_ENV}`)
  try {
    Keys.secretFromHex(text)
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e))
  }
  return text.trim()
}

const readTable = async (path: string) => {
  const rows = readCsv(await readFile(path, "utf8")).map((r) => [...r.cells])
  const [header, ...body] = rows
  if (header === undefined) throw new UsageError(`${path}: empty file`)
  return { header, rows: body.filter((r) => r.length > 1 || (r[0] ?? "") !== "") }
}

const number = (name: string, v: string | undefined, fallback: number) => {
  if (v === undefined) return fallback
  const n = Number(v)
  if (!(n > 0 && n < 1)) throw new UsageError(`--${name} must be a probability between 0 and 1`)
  return n
}

const printLink = (ctx: CliContext, r: Linkage.LinkResult) =>
  ctx.stdout.write(
    `linked ${r.records} cases into ${r.persons} persons: ${r.autoLinks} automatic links, ` +
      `${r.reviewPairs} pairs for review, ${r.confirmed} confirmed, ${r.rejected} rejected ` +
      `(${(r.milliseconds / 1000).toFixed(1)} s)\n`,
  )

/** The case rows of a submission go through the ordinary importer, so they are validated the same way. */
const importCases = async (
  db: NodeConnector,
  file: string,
  table: { header: string[]; rows: string[][] },
) => {
  const dir = await mkdtemp(join(tmpdir(), "lp-submission-cases-"))
  try {
    const at = CaseRow.columnNames.map((c) => table.header.indexOf(c))
    const csv = join(dir, `${basename(file, ".csv")}-cases.csv`)
    await writeFile(
      csv,
      rawCsvText({
        header: CaseRow.columnNames,
        rows: table.rows.map((r) => at.map((i) => (i < 0 ? "" : (r[i] ?? "")))),
      }),
    )
    return await importFile(db, { file: csv, model: domainModel(), writeRejected: false })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const usage =
  "lao-protect submission keygen --out key.hex\n" +
  "lao-protect submission export --in cases.csv --out submission.csv [--secret-file key.hex]\n" +
  "lao-protect submission import [--db path] [--secret-file key.hex] [--no-link] sub1.csv [sub2.csv ...]\n" +
  "lao-protect submission link [--db path] [--auto 0.95] [--review 0.6]\n" +
  "lao-protect submission review [--db path] --list | --confirm A B | --reject A B [--reviewer name]\n" +
  "lao-protect submission review [--db path] --export queue.json [--limit 500] | --apply decisions.json\n" +
  "  queue.json opens in the dashboard's review page (?page=review), which gives back decisions.json\n" +
  `  the secret is hex (32+ bytes), from --secret-file or ${SECRET_ENV}; partners never send names`

const command: Command = {
  summary: "partner submissions for record linkage: keygen, export (at the partner), import, link, review",
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        db: { type: "string" },
        in: { type: "string" },
        out: { type: "string" },
        "secret-file": { type: "string" },
        "no-link": { type: "boolean", default: false },
        auto: { type: "string" },
        review: { type: "string" },
        list: { type: "boolean", default: false },
        confirm: { type: "boolean", default: false },
        reject: { type: "boolean", default: false },
        reviewer: { type: "string", default: process.env.USER ?? "reviewer" },
        export: { type: "string" },
        apply: { type: "string" },
        limit: { type: "string", default: "500" },
      },
      allowPositionals: true,
      strict: true,
    })
    if (sub === "keygen") {
      if (!values.out) throw new UsageError("--out key.hex is required")
      const secret = Keys.generateSecret()
      const out = ctx.resolve(values.out)
      await writeFile(out, `${secret}\n`, { flag: "wx" }).catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(
          e.code === "EEXIST" ? `${out} exists: refusing to overwrite a secret` : e.message,
        )
      })
      await chmod(out, 0o600)
      ctx.stdout.write(`secret written to ${out} (key id ${Keys.makeEncoder(secret).keyId})\n`)
      return 0
    }
    if (sub === "export") {
      if (!values.in || !values.out)
        throw new UsageError("--in cases.csv and --out submission.csv are required")
      const encoder = Keys.makeEncoder(await readSecret(values["secret-file"], ctx))
      const table = await readTable(ctx.resolve(values.in))
      let submission: ReturnType<typeof Linkage.makeSubmission>
      try {
        submission = Linkage.makeSubmission(encoder, table)
      } catch (e) {
        if (e instanceof Linkage.SubmissionError) throw new UsageError(e.message)
        throw e
      }
      await writeFile(ctx.resolve(values.out), rawCsvText(submission))
      ctx.stdout.write(
        `submission: ${submission.rows.length} cases, no names, key id ${encoder.keyId} -> ${ctx.resolve(values.out)}\n`,
      )
      return 0
    }
    const db = await openWarehouse(values.db ? ctx.resolve(values.db) : ctx.defaultDb)
    try {
      if (sub === "import") {
        if (positionals.length === 0) throw new UsageError("give one or more submission files")
        const keyId = Keys.makeEncoder(await readSecret(values["secret-file"], ctx)).keyId
        let rejected = 0
        for (const file of positionals.map(ctx.resolve)) {
          const table = await readTable(file)
          const cases = await importCases(db, file, table)
          const loaded = await Linkage.loadSubmission(db, basename(file), table, { expectedKeyId: keyId })
          rejected += loaded.rejected.length
          ctx.stdout.write(
            `${basename(file)}: ${loaded.rowsRead} rows, ${loaded.accepted} linkage records, ` +
              `${loaded.rejected.length} refused; cases accepted ${cases.accepted}, rejected ${cases.rejected}\n`,
          )
          for (const r of loaded.rejected.slice(0, 20))
            ctx.stderr.write(`  row ${r.row}, ${r.field}: ${r.reason}\n`)
        }
        if (!values["no-link"]) printLink(ctx, await Linkage.linkRecords(db))
        return rejected > 0 ? 1 : 0
      }
      if (sub === "link") {
        printLink(
          ctx,
          await Linkage.linkRecords(db, {
            autoLinkProbability: number("auto", values.auto, Linkage.defaultLinkOptions.autoLinkProbability),
            reviewProbability: number("review", values.review, Linkage.defaultLinkOptions.reviewProbability),
          }),
        )
        return 0
      }
      if (sub === "review") {
        if (values.export) {
          const queue = await Linkage.reviewQueue(db, Number(values.limit))
          await writeFile(ctx.resolve(values.export), `${JSON.stringify(queue, null, 2)}\n`)
          ctx.stdout.write(`review queue: ${queue.pairs.length} pairs -> ${ctx.resolve(values.export)}\n`)
          return 0
        }
        if (values.apply) {
          let file: unknown
          try {
            file = JSON.parse(await readFile(ctx.resolve(values.apply), "utf8"))
          } catch (e) {
            throw new UsageError(`cannot read ${values.apply}: ${e instanceof Error ? e.message : String(e)}`)
          }
          const stored = await Linkage.applyDecisions(db, file, values.reviewer).catch((e: Error) => {
            throw new UsageError(e.message)
          })
          ctx.stdout.write(`${stored} decisions stored; they apply from the next \`submission link\`\n`)
          return 0
        }
        if (values.list) {
          const rows = await db.query(
            `SELECT left_record, right_record, round(match_probability, 3) AS p, g_given, g_family, g_birth, g_sex,
              g_place, g_village, g_identified FROM link_candidates WHERE outcome = 'review' ORDER BY match_probability DESC LIMIT 50`,
          )
          for (const r of rows) ctx.stdout.write(`${Object.values(r).join("\t")}\n`)
          return 0
        }
        if (values.confirm === values.reject || positionals.length !== 2)
          throw new UsageError("review: --list, or --confirm/--reject with two record ids (partner/case_id)")
        await Linkage.recordDecision(db, {
          left: positionals[0]!,
          right: positionals[1]!,
          decision: values.confirm ? "confirm" : "reject",
          reviewer: values.reviewer,
        })
        ctx.stdout.write("decision stored; it applies from the next `submission link`\n")
        return 0
      }
      throw new UsageError(`unknown subcommand "${sub ?? ""}"\n${usage}`)
    } catch (e) {
      if (e instanceof ImportError) {
        ctx.stderr.write(`import failed: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await db.close()
    }
  },
}
export default command
