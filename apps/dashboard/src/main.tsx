// first: DuckDB-WASM starts before the other modules evaluate (src/data/prestart.ts)
import { enginePosted } from "./data/prestartNow.ts"
import "@fontsource/noto-sans-lao/400.css"
import "@fontsource/noto-sans-lao/700.css"
import "leaflet/dist/leaflet.css"
import "./styles.css"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App.tsx"

const root = document.getElementById("root")
// React's first render holds the main thread for a few hundred ms: the engine's instantiate is
// posted to its worker first (the manifest is fetched at once), so the wasm compiles meanwhile
if (root) {
  void enginePosted.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
}
