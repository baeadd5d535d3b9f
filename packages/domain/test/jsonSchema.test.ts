import { describe, expect, it } from "vitest"
import { jsonSchemas } from "../src/internal/jsonSchema.ts"

describe("JSON Schema snapshots (json-schema/*.schema.json)", () => {
  for (const [name, document] of Object.entries(jsonSchemas())) {
    it(`${name} matches the committed file`, async () => {
      await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
        `../json-schema/${name}.schema.json`,
      )
    })
  }
})
