/**
 * A closed set of codes with its labels, in the shape the translators' catalogue, the docs and
 * the CaseRow rules read. Not a schema: each module keeps its own `Schema.Literals`.
 */
import type { Labels } from "../Label.ts"

export interface Vocabulary<Code extends string = string> {
  /** Module (and concept) name, e.g. `VictimGroup`. */
  readonly name: string
  readonly codes: ReadonlyArray<Code>
  readonly labels: Labels<Code>
}

export const vocabulary = <const Code extends string>(
  name: string,
  codes: ReadonlyArray<Code>,
  labels: Labels<Code>,
): Vocabulary<Code> => ({ name, codes, labels })
