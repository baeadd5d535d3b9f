/**
 * Published tables the first view does not read (planning, trends and linkage tables) are loaded the
 * first time a query names them, not before the engine is ready: the map's first views read only
 * `facts_k`, and DuckDB-WASM runs one query at a time, so loading them up front delayed every view.
 * A table whose load fails is reported and left out, as before: a query naming it then fails as it
 * would have.
 */
import type { Connector, LazyCube, Param, Row } from "@lao-protect/warehouse"
import { reportFailure } from "../lib/report.ts"

export const withTablesOnDemand = (
  conn: Connector,
  tables: ReadonlyArray<readonly [name: string, file: string]>,
  load: (name: string, file: string) => Promise<void>,
): Connector => {
  const pending = new Map<string, { file: string; named: RegExp }>(
    tables.map(([name, file]) => [name, { file, named: new RegExp(`\\b${name}\\b`) }]),
  )
  const loads = new Map<string, Promise<void>>()
  const needed = (sql: string): Promise<unknown> | null => {
    if (pending.size === 0) return null
    const waits: Promise<void>[] = []
    for (const [name, t] of pending) {
      if (!t.named.test(sql)) continue
      let p = loads.get(name)
      if (!p) {
        p = load(name, t.file)
          .catch(reportFailure(`loading published table ${name}`))
          .finally(() => pending.delete(name))
        loads.set(name, p)
      }
      waits.push(p)
    }
    return waits.length > 0 ? Promise.all(waits) : null
  }
  return {
    ...conn,
    async query<T extends Row = Row>(sql: string, params?: ReadonlyArray<Param>) {
      await needed(sql)
      return conn.query<T>(sql, params)
    },
    async arrow(sql: string, params?: ReadonlyArray<Param>) {
      await needed(sql)
      return conn.arrow(sql, params)
    },
    async exec(sql: string) {
      await needed(sql)
      return conn.exec(sql)
    },
  }
}

const cubes = new WeakMap<Connector, LazyCube>()

/** The lazy `facts_k` of a connector made by `withCubeOnDemand` (null for any other connector). */
export const lazyCubeOf = (conn: Connector | null): LazyCube | null => (conn && cubes.get(conn)) ?? null

/**
 * `facts_k` (the ENUM-keyed cube every cross-filter index is built from) is built after the engine
 * is ready, not before: the first interaction reads `facts` (`CrossFilter` with the returned cube)
 * and then asks for it, and any query naming `facts_k` first waits for it (built once; a failed
 * build fails that query and is tried again by the next).
 */
export const withCubeOnDemand = (conn: Connector, build: () => Promise<void>): Connector => {
  let done = false
  let running: Promise<void> | null = null
  const ensure = (): Promise<void> =>
    (running ??= build().then(
      () => {
        done = true
      },
      (err: unknown) => {
        running = null
        throw err
      },
    ))
  const named = /\bfacts_k\b/
  const gate = async (sql: string) => {
    if (!done && named.test(sql)) await ensure()
  }
  const out: Connector = {
    ...conn,
    async query<T extends Row = Row>(sql: string, params?: ReadonlyArray<Param>) {
      await gate(sql)
      return conn.query<T>(sql, params)
    },
    async arrow(sql: string, params?: ReadonlyArray<Param>) {
      await gate(sql)
      return conn.arrow(sql, params)
    },
    async exec(sql: string) {
      await gate(sql)
      return conn.exec(sql)
    },
  }
  cubes.set(out, { built: () => done, build: ensure })
  return out
}
