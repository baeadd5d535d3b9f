/**
 * The attacker test of issue 19: one partner's submission, a dictionary of 10,000 common names,
 * and no key. The measured shares are reported in docs/privacy.md.
 */
import { Linkage } from "@lao-protect/domain"
import { describe, expect, it } from "vitest"
import { dictionaryAttack, frequencyAttack, rankedDistinct } from "../src/node/linkage/attack.ts"
import { makeSubmission } from "../src/node/linkage/submission.ts"
import { commonNames } from "../src/node/synth/lao-names.ts"
import { multiPartnerTables } from "../src/node/synth/multi-partner.ts"

describe("attacks on a submission's Bloom filters", () => {
  it("recovers few names without the key, and most given names with it", () => {
    const encoder = Linkage.makeEncoder("c4".repeat(32))
    const { tables } = multiPartnerTables({ seed: 5, persons: 10_000, fromYear: 2010, toYear: 2024 })
    const [, table] = [...tables].sort((a, b) => b[1].rows.length - a[1].rows.length)[0]!
    const submission = makeSubmission(encoder, table)
    const at = (c: string) => submission.header.indexOf(c)
    const nameAt = table.header.indexOf("victim_name")
    const truth = table.rows.map((r) => encoder.fold({ fullName: r[nameAt] }))
    const dictionary = commonNames(10_000)
    expect(dictionary).toHaveLength(10_000)
    const foldedGiven = rankedDistinct(
      dictionary.map((n) => encoder.fold({ fullName: `${n.given} ${n.family}` }).given),
    )
    const foldedFull = rankedDistinct(
      dictionary.map((n) => {
        const f = encoder.fold({ fullName: `${n.given} ${n.family}` })
        return `${f.given}|${f.family}`
      }),
    )
    const bfGiven = submission.rows.map((r) => r[at("link_bf_given")]!)
    const bfFull = submission.rows.map((r) => `${r[at("link_bf_given")]}|${r[at("link_bf_family")]}`)
    const share = (guesses: ReadonlyArray<string | null>, actual: ReadonlyArray<string>) =>
      guesses.filter((g, i) => g !== null && g === actual[i]).length / actual.length
    const trueGiven = truth.map((t) => t.given)
    const trueFull = truth.map((t) => `${t.given}|${t.family}`)
    const noKeyGiven = share(frequencyAttack(bfGiven, foldedGiven), trueGiven)
    const noKeyFull = share(frequencyAttack(bfFull, foldedFull), trueFull)
    const withKeyGiven = share(dictionaryAttack(encoder, bfGiven, foldedGiven), trueGiven)
    console.log(
      JSON.stringify({ records: table.rows.length, noKeyGiven, noKeyFull, withKeyGiven }, (_, v) =>
        typeof v === "number" ? Number(v.toFixed(3)) : v,
      ),
    )
    expect(noKeyFull).toBeLessThan(0.1)
    expect(noKeyGiven).toBeLessThan(withKeyGiven)
    expect(withKeyGiven).toBeGreaterThan(0.7)
  }, 120_000)
})
