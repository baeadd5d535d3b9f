// Child process for the crash tests: `publish-child.ts <db> <out> <keyFile> <tier>`.
import { openWarehouse } from "../../src/node/NodeConnector.ts"
import { publish, type Tier } from "../../src/node/publish/index.ts"

const [dbPath, out, keyFile, tier] = process.argv.slice(2)
const db = await openWarehouse(dbPath!)
await publish({ warehouse: db, out: out!, keyFile: keyFile!, tier: tier as Tier })
await db.close()
process.stdout.write("done\n")
