// Lets Node (the CLI, benchmarks) import `./query.sql?raw` the way Vite and Vitest do,
// so one .sql file serves the browser and Node without a generated copy.
import { register } from "node:module"

register("./hooks.mjs", import.meta.url)
