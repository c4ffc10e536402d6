/**
 * Name-based GUIDs (RFC 9562 UUID version 5: SHA-1 over a namespace and a
 * name). The same name always gives the same GUID, so the starter codebook,
 * REFI variables and users get stable GUIDs across exports (Taguette does the
 * same for its codebook), and re-importing an export matches what is there.
 */

/** spnet's namespace for name-based GUIDs (itself a v5 GUID of "spnet" in the URL namespace). */
export const spnetNamespace = 'f7b32e9b-dae9-51ee-a6c6-f87ca1011bb9'

export function stableGuid(name: string, namespace: string = spnetNamespace): string {
  const ns = namespace.replace(/[{}-]/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(ns))
    throw new RangeError(`qual/stable-guid: bad namespace ${namespace}`)
  const bytes: number[] = []
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(ns.slice(i, i + 2), 16))
  for (const b of utf8(name)) bytes.push(b)
  const hash = sha1(bytes)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash
    .slice(0, 16)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** UTF-8 bytes of a string (src/core has no TextEncoder). */
export function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** SHA-1 (FIPS 180-4) of a byte array; 20 bytes. Used only for name-based GUIDs. */
export function sha1(message: readonly number[]): number[] {
  const bytes = [...message, 0x80]
  while (bytes.length % 64 !== 56) bytes.push(0)
  const bitLength = message.length * 8
  const high = Math.floor(bitLength / 0x100000000)
  for (const word of [high, bitLength >>> 0]) {
    bytes.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255)
  }
  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = new Uint32Array(80)
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const i = block + t * 4
      w[t] =
        ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0
    }
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!
      w[t] = ((x << 1) | (x >>> 31)) >>> 0
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      let f: number
      let k: number
      if (t < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (t < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) >>> 0
      e = d
      d = c
      c = ((b << 30) | (b >>> 2)) >>> 0
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const out: number[] = []
  for (const h of [h0, h1, h2, h3, h4])
    out.push(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255)
  return out
}
