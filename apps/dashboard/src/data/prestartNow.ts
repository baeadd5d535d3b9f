// Imported first by main.tsx: runs before the other modules of the start bundle evaluate.
import { prestartEngine } from "./prestart.ts"

/** Resolves once the instantiate is posted to DuckDB-WASM's worker, or after 150 ms (main.tsx). */
export const enginePosted: Promise<void> = prestartEngine(150)
