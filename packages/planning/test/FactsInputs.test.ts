import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { priorityInputsFromFacts } from "../src/FactsInputs.ts"
import { openMemory, type TestDb } from "./helpers.ts"

let conn: TestDb
beforeAll(async () => {
  conn = await openMemory()
  await conn.exec(`create table facts (year smallint, district varchar, is_child boolean, ethnicity_family varchar, border_point varchar, n integer);
    insert into facts values
      (2019, 'LA0601', true,  'hmong_mien', null, 4),
      (2022, 'LA0601', true,  'lao_tai',    'T4', 12),
      (2023, 'LA0601', false, 'unknown',    'T4', 20),
      (2023, 'LA0601', null,  'mon_khmer',  null, 3),
      (2023, 'LA0802', true,  'lao_tai',    null, 2),
      (2015, 'LA0802', true,  'lao_tai',    null, 50),
      (2023, null,     true,  'lao_tai',    'T1', 7)`)
})
afterAll(async () => {
  await conn.close()
})

describe("priorityInputsFromFacts", () => {
  it("aggregates the cube by district and window, suppressing 1..threshold-1 as null", async () => {
    const r = await priorityInputsFromFacts(conn, {
      recent: [2021, 2023],
      previous: [2018, 2020],
      counts: [2018, 2023],
      threshold: 10,
    })
    expect(r.districts).toEqual([
      // child 4 + 12; recent 12 + 20 + 3; previous 4 (suppressed); minority 4 + 3 (suppressed); known ethnicity 4 + 12 + 3
      {
        district: "LA0601",
        childVictims: 16,
        recentVictims: 35,
        previousVictims: null,
        minorityVictims: null,
        victimsWithEthnicity: 19,
      },
      // 2015 is outside every window; 2 is suppressed; no previous records is a true 0
      {
        district: "LA0802",
        childVictims: null,
        recentVictims: null,
        previousVictims: 0,
        minorityVictims: 0,
        victimsWithEthnicity: null,
      },
    ])
    expect(r.checkpointFlows).toEqual([
      { checkpoint: "T1", victims: null },
      { checkpoint: "T4", victims: 32 },
    ])
  })

  it("passes exact counts through with threshold 1 (planners' tier)", async () => {
    const r = await priorityInputsFromFacts(conn, {
      recent: [2021, 2023],
      previous: [2018, 2020],
      counts: [2018, 2023],
      threshold: 1,
    })
    expect(r.districts[0]).toMatchObject({ previousVictims: 4, minorityVictims: 7 })
  })
})
