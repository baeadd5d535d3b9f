/** A small PNG decoder (8-bit RGB/RGBA, non-interlaced, as canvas.toBlob writes) with node:zlib, for pixel checks. */
import { inflateSync } from "node:zlib"

export interface Pixels {
  readonly width: number
  readonly height: number
  /** RGBA, 4 bytes per pixel. */
  readonly data: Uint8Array
}

export function decodePng(bytes: Uint8Array): Pixels {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10]
  if (!sig.every((b, i) => bytes[i] === b)) throw new Error("not a PNG")
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let pos = 8
  let width = 0
  let height = 0
  let colourType = 0
  const idat: Array<Uint8Array> = []
  while (pos < bytes.length) {
    const len = view.getUint32(pos)
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8))
    const body = bytes.subarray(pos + 8, pos + 8 + len)
    if (type === "IHDR") {
      width = view.getUint32(pos + 8)
      height = view.getUint32(pos + 12)
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit non-interlaced PNGs")
      colourType = body[9] ?? 0
    } else if (type === "IDAT") idat.push(body)
    else if (type === "IEND") break
    pos += 12 + len
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0
  if (channels === 0) throw new Error(`colour type ${colourType} not supported`)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] ?? 0) : 0
      const b = prev[i] ?? 0
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0
      const x = line[i] ?? 0
      let v: number
      if (filter === 0) v = x
      else if (filter === 1) v = x + a
      else if (filter === 2) v = x + b
      else if (filter === 3) v = x + ((a + b) >> 1)
      else {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
      }
      cur[i] = v & 0xff
    }
    for (let xPix = 0; xPix < width; xPix++) {
      const o = (y * width + xPix) * 4
      out[o] = cur[xPix * channels] ?? 0
      out[o + 1] = cur[xPix * channels + 1] ?? 0
      out[o + 2] = cur[xPix * channels + 2] ?? 0
      out[o + 3] = channels === 4 ? (cur[xPix * channels + 3] ?? 0) : 255
    }
    prev = cur
  }
  return { width, height, data: out }
}

/** Count pixels in a region close (per channel) to a colour. */
export function countColour(
  px: Pixels,
  rgb: readonly [number, number, number],
  region: { x0: number; y0: number; x1: number; y1: number },
  tolerance = 12,
): number {
  let n = 0
  for (let y = Math.max(0, region.y0); y < Math.min(px.height, region.y1); y++) {
    for (let x = Math.max(0, region.x0); x < Math.min(px.width, region.x1); x++) {
      const o = (y * px.width + x) * 4
      if (
        Math.abs((px.data[o] ?? 0) - rgb[0]) <= tolerance &&
        Math.abs((px.data[o + 1] ?? 0) - rgb[1]) <= tolerance &&
        Math.abs((px.data[o + 2] ?? 0) - rgb[2]) <= tolerance
      )
        n++
    }
  }
  return n
}

/** Pixels in a region that are not (near) white. */
export const inkIn = (px: Pixels, region: { x0: number; y0: number; x1: number; y1: number }): number => {
  let n = 0
  for (let y = Math.max(0, region.y0); y < Math.min(px.height, region.y1); y++) {
    for (let x = Math.max(0, region.x0); x < Math.min(px.width, region.x1); x++) {
      const o = (y * px.width + x) * 4
      if ((px.data[o] ?? 255) < 200 || (px.data[o + 1] ?? 255) < 200 || (px.data[o + 2] ?? 255) < 200) n++
    }
  }
  return n
}
