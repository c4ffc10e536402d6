/**
 * Node positions for the sociograms. The interview uses a circle, so nodes
 * never move while the participant draws; the researcher's view uses a small
 * deterministic force layout (Fruchterman–Reingold), so the same network is
 * always drawn the same way.
 */

export type Point = { readonly x: number; readonly y: number }

export function circleLayout(n: number, cx: number, cy: number, r: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1)
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) }
  })
}

/** The area a layout may use: nodes stay inside it. */
export type Box = {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

export function forceLayout(
  n: number,
  edges: readonly (readonly [number, number])[],
  box: Box,
): Point[] {
  if (n === 0) return []
  const width = box.x1 - box.x0
  const height = box.y1 - box.y0
  const cx = box.x0 + width / 2
  const cy = box.y0 + height / 2
  if (n === 1) return [{ x: cx, y: cy }]
  const pos = circleLayout(n, cx, cy, Math.min(width, height) / 2).map((p) => ({ ...p }))
  const k = Math.sqrt((width * height) / n) * 0.8
  let temperature = width / 8
  for (let step = 0; step < 300; step++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }))
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i]!.x - pos[j]!.x
        const dy = pos[i]!.y - pos[j]!.y
        const d = Math.max(Math.hypot(dx, dy), 0.01)
        const f = (k * k) / d
        disp[i]!.x += (dx / d) * f
        disp[i]!.y += (dy / d) * f
        disp[j]!.x -= (dx / d) * f
        disp[j]!.y -= (dy / d) * f
      }
    }
    for (const [a, b] of edges) {
      const dx = pos[a]!.x - pos[b]!.x
      const dy = pos[a]!.y - pos[b]!.y
      const d = Math.max(Math.hypot(dx, dy), 0.01)
      const f = (d * d) / k
      disp[a]!.x -= (dx / d) * f
      disp[a]!.y -= (dy / d) * f
      disp[b]!.x += (dx / d) * f
      disp[b]!.y += (dy / d) * f
    }
    // A gentle pull to the centre keeps separate groups on the page.
    for (let i = 0; i < n; i++) {
      disp[i]!.x += (cx - pos[i]!.x) * 0.05 * (k / 10)
      disp[i]!.y += (cy - pos[i]!.y) * 0.05 * (k / 10)
      const d = Math.max(Math.hypot(disp[i]!.x, disp[i]!.y), 0.01)
      const move = Math.min(d, temperature)
      pos[i]!.x = clamp(pos[i]!.x + (disp[i]!.x / d) * move, box.x0, box.x1)
      pos[i]!.y = clamp(pos[i]!.y + (disp[i]!.y / d) * move, box.y0, box.y1)
    }
    temperature *= 0.98
  }
  return pos
}

/**
 * A researcher's sociogram: contacts with ties drawn by `forceLayout`, and
 * contacts with none in rows underneath, where they read as a list instead
 * of being pushed to the edges and piled on one another. Returns the
 * drawing's height for `width`, leaving `label` units around each node for
 * its name.
 */
export function networkLayout(
  n: number,
  edges: readonly (readonly [number, number])[],
  width: number,
  label: { readonly width: number; readonly height: number },
): { readonly points: Point[]; readonly height: number } {
  const linked = new Set(edges.flat())
  const tied = Array.from({ length: n }, (_, i) => i).filter((i) => linked.has(i))
  const alone = Array.from({ length: n }, (_, i) => i).filter((i) => !linked.has(i))
  const mainHeight = tied.length === 0 ? 0 : tied.length <= 4 ? 300 : 520
  const perRow = Math.max(1, Math.floor(width / label.width))
  const rows = Math.ceil(alone.length / perRow)
  const rowHeight = 30 + label.height
  const height = mainHeight + rows * rowHeight + (rows > 0 ? 10 : 0)
  const points: Point[] = new Array<Point>(n)
  const index = new Map(tied.map((node, i) => [node, i]))
  const placed = forceLayout(
    tied.length,
    edges.map(([a, b]) => [index.get(a)!, index.get(b)!] as const),
    { x0: label.width / 2, y0: 24, x1: width - label.width / 2, y1: mainHeight - label.height - 8 },
  )
  for (const [i, node] of tied.entries()) points[node] = placed[i]!
  for (const [i, node] of alone.entries()) {
    const row = Math.floor(i / perRow)
    const column = i % perRow
    const inRow = Math.min(perRow, alone.length - row * perRow)
    const left = (width - inRow * label.width) / 2
    points[node] = {
      x: left + (column + 0.5) * label.width,
      y: mainHeight + 20 + row * rowHeight,
    }
  }
  return { points, height }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

/** Shortens a label for a node; the full name stays in the accessible name. */
export function shortLabel(text: string, max = 18): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
