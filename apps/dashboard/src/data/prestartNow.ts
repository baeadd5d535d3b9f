// Imported first by main.tsx: runs before the other modules of the start bundle evaluate.
import { prestartEngine } from "./prestart.ts"

prestartEngine()
