// first: DuckDB-WASM instantiates while the other modules evaluate and React renders
import "./data/prestartNow.ts"
import "@fontsource/noto-sans-lao/400.css"
import "@fontsource/noto-sans-lao/700.css"
import "leaflet/dist/leaflet.css"
import "./styles.css"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App.tsx"

const root = document.getElementById("root")
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
