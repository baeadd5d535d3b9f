// Child process for the kill test: imports argv[3] into argv[2] with the test model.
import { importFile } from "../../src/node/import/import-file.ts"
import { openWarehouse } from "../../src/node/NodeConnector.ts"
import { testModel } from "./model.ts"

const [dbPath, file] = process.argv.slice(2)
const db = await openWarehouse(dbPath!)
process.stdout.write("started\n")
await importFile(db, { file: file!, model: testModel(), writeRejected: false })
await db.close()
process.stdout.write("done\n")
