/**
 * The publish aggregates (province-year, district-year, flows) of synthetic cases computed in memory,
 * with the rules of pub_cases.sql and the count .sql files, so a property test can run the publish
 * protection phase over many seeds without a DuckDB import per seed. publish.test.ts checks on a
 * real warehouse that these are the rows the .sql files produce.
 */
import type { Aggregates } from "../../src/node/publish/protect.ts"
import { generateCases, synthColumns } from "../../src/node/synth/index.ts"

const RETURNED = new Set(["deported_lao", "repatriated_lao", "self_returned"])
const col = (name: (typeof synthColumns)[number]) => synthColumns.indexOf(name)

export const synthAggregates = (options: {
  seed: number
  cases?: number
  fromYear?: number
  toYear?: number
}): Aggregates => {
  const iProvince = col("origin_province")
  const iDistrict = col("origin_district")
  const iDate = col("identification_date")
  const iDest = col("destination_country")
  const iPoint = col("border_checkpoint")
  const iGroup = col("victim_group")
  const py = new Map<string, { province: string | null; year: number; n: number }>()
  const dy = new Map<string, { province: string; district: string | null; year: number; n: number }>()
  const flows = new Map<
    string,
    {
      origin_province: string
      border_point: string | null
      destination: string | null
      direction: "out" | "return"
      year: number
      n: number
    }
  >()
  const add = <T extends { n: number }>(m: Map<string, T>, key: string, row: Omit<T, "n">) => {
    const found = m.get(key)
    if (found) found.n++
    else m.set(key, { ...row, n: 1 } as T)
  }
  const orNull = (s: string | undefined) => (s === undefined || s === "" ? null : s)
  for (const row of generateCases({
    seed: options.seed,
    fromYear: options.fromYear ?? 2005,
    toYear: options.toYear ?? 2024,
    ...(options.cases === undefined ? {} : { cases: options.cases }),
  })) {
    const district = orNull(row[iDistrict])
    const province = orNull(row[iProvince]) ?? (district === null ? null : district.slice(0, 4))
    const year = Number(row[iDate]!.slice(0, 4))
    add(py, `${province}|${year}`, { province, year })
    if (province === null) continue
    add(dy, `${province}|${district}|${year}`, { province, district, year })
    const destination = orNull(row[iDest])
    const border_point = orNull(row[iPoint])
    const base = { origin_province: province, border_point, destination, year }
    add(flows, `${province}|${border_point}|${destination}|out|${year}`, { ...base, direction: "out" })
    if (RETURNED.has(row[iGroup]!))
      add(flows, `${province}|${border_point}|${destination}|return|${year}`, {
        ...base,
        direction: "return",
      })
  }
  return { py: [...py.values()], dy: [...dy.values()], flows: [...flows.values()] }
}
