/** fetchProtected against a real local server: a 401 is a SessionEnded, never an empty answer. */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fetchProtected, onSessionEnded, SessionEnded, signInHref } from "../src/data/http.ts"

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    const status = req.url === "/data/ok.json" ? 200 : req.url === "/data/gone.json" ? 404 : 401
    res.writeHead(status, { "Content-Type": "text/plain" })
    res.end(String(status))
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((ok) => server.close(() => ok())))

describe("fetchProtected", () => {
  it("passes other answers through, 404 included", async () => {
    expect((await fetchProtected(`${base}/data/ok.json`)).status).toBe(200)
    expect((await fetchProtected(`${base}/data/gone.json`)).status).toBe(404)
  })

  it("turns a 401 into SessionEnded and tells every listener, until it unsubscribes", async () => {
    let calls = 0
    const stop = onSessionEnded(() => calls++)
    await expect(fetchProtected(`${base}/planning/shelters.csv`)).rejects.toBeInstanceOf(SessionEnded)
    expect(calls).toBe(1)
    stop()
    await expect(fetchProtected(`${base}/planning/shelters.csv`)).rejects.toThrow(/session has ended/)
    expect(calls).toBe(1)
  })

  it("the sign-in link returns to the same page, state included", () => {
    const href = signInHref({ pathname: "/", search: "?page=map&lang=lo", hash: "" })
    expect(href).toBe("/login?next=%2F%3Fpage%3Dmap%26lang%3Dlo")
  })
})
