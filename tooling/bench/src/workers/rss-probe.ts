/** Test worker: holds `--mb` MiB for a moment and reports its own peak RSS (see child.ts). */
import { argOf, emit } from "../child.ts"

const mb = Number(argOf("mb") ?? "0")
const held = Array.from({ length: mb }, () => Buffer.alloc(1 << 20, 1))
emit({ held: held.length })
