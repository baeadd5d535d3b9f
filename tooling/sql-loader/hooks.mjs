import { readFile } from "node:fs/promises"

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && /\.sql\?raw$/.test(url)) {
    const text = await readFile(new URL(url.slice(0, -"?raw".length)), "utf8")
    return { format: "module", shortCircuit: true, source: `export default ${JSON.stringify(text)};` }
  }
  return nextLoad(url, context)
}
