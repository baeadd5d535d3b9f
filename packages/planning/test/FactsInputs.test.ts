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
      (2023, null,     true,  'lao_tai',    'T1', 7);
    alter table facts add column victim_group varchar default 'local_lao';
    alter table facts add column sex varchar default 'female';
    alter table facts add column age_band varchar default '9-17';
    alter table facts add column exploitation_form varchar default 'forced_labour';
    alter table facts add column destination varchar default 'THA';
    alter table facts add column stage varchar default 'closed';
    alter table facts add column ethnic_group varchar default 'khmu';
    update facts set victim_group = 'deported_lao', sex = 'male' where year = 2023 and is_child = false`)
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

  it("applies the cross-filters before aggregating (bound, null = all)", async () => {
    const windows = {
      recent: [2021, 2023],
      previous: [2018, 2020],
      counts: [2018, 2023],
      threshold: 1,
    } as const
    const deported = await priorityInputsFromFacts(conn, windows, { victimGroup: "deported_lao" })
    expect(deported.districts).toEqual([
      {
        district: "LA0601",
        childVictims: 0,
        recentVictims: 20,
        previousVictims: 0,
        minorityVictims: 0,
        victimsWithEthnicity: 0,
      },
    ])
    expect(deported.checkpointFlows).toEqual([{ checkpoint: "T4", victims: 20 }])
    const female = await priorityInputsFromFacts(conn, windows, { sex: "female", borderPoint: null })
    expect(female.districts.find((d) => d.district === "LA0601")).toMatchObject({ recentVictims: 15 })
    expect(female.checkpointFlows).toEqual([
      { checkpoint: "T1", victims: 7 },
      { checkpoint: "T4", victims: 12 },
    ])
    const hmong = await priorityInputsFromFacts(conn, windows, { ethnicGroup: "hmong" })
    expect(hmong.districts).toEqual([])
    expect(hmong.checkpointFlows).toEqual([])
    const khmu = await priorityInputsFromFacts(conn, windows, { ethnicGroup: "khmu", sex: "male" })
    expect(khmu.checkpointFlows).toEqual([{ checkpoint: "T4", victims: 20 }])
  })
})
