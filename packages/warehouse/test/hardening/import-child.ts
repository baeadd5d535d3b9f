// Child process for the crash tests: `import-child.ts <db> <file>` imports with the domain model.
import { importFile } from "../../src/node/import/import-file.ts"
import { openWarehouse } from "../../src/node/NodeConnector.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"

const [dbPath, file] = process.argv.slice(2)
const db = await openWarehouse(dbPath!)
await importFile(db, { file: file!, model: domainModel() })
await db.close()
process.stdout.write("done\n")
