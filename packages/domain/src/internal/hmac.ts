/**
 * Synchronous SHA-256 and HMAC-SHA256 in plain JavaScript, so that linkage encodings run the same
 * in Node, the browser and a partner's own tool, without `node:crypto` and without the per-call
 * promise of `crypto.subtle` (a submission hashes several million bigrams). The key's inner and
 * outer pad states are computed once per key; each HMAC of a short message then costs two
 * compression rounds. Verified against `node:crypto` in test/Linkage.test.ts.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const INITIAL = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])

const W = new Uint32Array(64)

const compress = (state: Uint32Array, block: Uint8Array, offset: number): void => {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4
    W[i] = ((block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!) >>> 0
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!
    const w2 = W[i - 2]!
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) >>> 0
  }
  let a = state[0]!
  let b = state[1]!
  let c = state[2]!
  let d = state[3]!
  let e = state[4]!
  let f = state[5]!
  let g = state[6]!
  let h = state[7]!
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const ch = (e & f) ^ (~e & g)
    const t1 = (h + S1 + ch + K[i]! + W[i]!) >>> 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const maj = (a & b) ^ (a & c) ^ (b & c)
    const t2 = (S0 + maj) >>> 0
    h = g
    g = f
    f = e
    e = (d + t1) >>> 0
    d = c
    c = b
    b = a
    a = (t1 + t2) >>> 0
  }
  state[0] = (state[0]! + a) >>> 0
  state[1] = (state[1]! + b) >>> 0
  state[2] = (state[2]! + c) >>> 0
  state[3] = (state[3]! + d) >>> 0
  state[4] = (state[4]! + e) >>> 0
  state[5] = (state[5]! + f) >>> 0
  state[6] = (state[6]! + g) >>> 0
  state[7] = (state[7]! + h) >>> 0
}

/** Hashes `message` continuing from `state`, which has already absorbed `prefixBytes` bytes. */
const finish = (initial: Uint32Array, prefixBytes: number, message: Uint8Array): Uint32Array => {
  const state = new Uint32Array(initial)
  const total = prefixBytes + message.length
  const padded = new Uint8Array((((message.length + 8) >> 6) + 1) << 6)
  padded.set(message)
  padded[message.length] = 0x80
  const bits = total * 8
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000))
  view.setUint32(padded.length - 4, bits >>> 0)
  for (let offset = 0; offset < padded.length; offset += 64) compress(state, padded, offset)
  return state
}

/** UTF-8 bytes of a string (the domain is built without DOM or Node types, so no TextEncoder). */
export const utf8 = (text: string): Uint8Array => {
  const out: Array<number> = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

export const sha256 = (message: Uint8Array): Uint32Array => finish(INITIAL, 0, message)

export const toHex = (words: Uint32Array, count = words.length): string => {
  let out = ""
  for (let i = 0; i < count; i++) out += words[i]!.toString(16).padStart(8, "0")
  return out
}

/** An HMAC-SHA256 function bound to one key; returns the digest as eight 32-bit words. */
export type Hmac = (message: Uint8Array) => Uint32Array

export const hmacSha256 = (key: Uint8Array): Hmac => {
  let block = key
  if (block.length > 64) {
    const digest = sha256(block)
    block = new Uint8Array(32)
    new DataView(block.buffer).setUint32(0, 0)
    for (let i = 0; i < 8; i++) new DataView(block.buffer).setUint32(i * 4, digest[i]!)
  }
  const ipad = new Uint8Array(64).fill(0x36)
  const opad = new Uint8Array(64).fill(0x5c)
  for (let i = 0; i < block.length; i++) {
    ipad[i] = ipad[i]! ^ block[i]!
    opad[i] = opad[i]! ^ block[i]!
  }
  const inner = new Uint32Array(INITIAL)
  compress(inner, ipad, 0)
  const outer = new Uint32Array(INITIAL)
  compress(outer, opad, 0)
  return (message) => {
    const innerDigest = finish(inner, 64, message)
    const bytes = new Uint8Array(32)
    const view = new DataView(bytes.buffer)
    for (let i = 0; i < 8; i++) view.setUint32(i * 4, innerDigest[i]!)
    return finish(outer, 64, bytes)
  }
}
