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

export function forceLayout(
  n: number,
  edges: readonly (readonly [number, number])[],
  width: number,
  height: number,
  margin: number,
): Point[] {
  if (n === 0) return []
  if (n === 1) return [{ x: width / 2, y: height / 2 }]
  const pos = circleLayout(n, width / 2, height / 2, Math.min(width, height) / 2 - margin).map(
    (p) => ({ ...p }),
  )
  const area = (width - 2 * margin) * (height - 2 * margin)
  const k = Math.sqrt(area / n) * 0.8
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
    // A gentle pull to the centre keeps isolates and separate groups on the page.
    for (let i = 0; i < n; i++) {
      disp[i]!.x += (width / 2 - pos[i]!.x) * 0.05 * (k / 10)
      disp[i]!.y += (height / 2 - pos[i]!.y) * 0.05 * (k / 10)
      const d = Math.max(Math.hypot(disp[i]!.x, disp[i]!.y), 0.01)
      const move = Math.min(d, temperature)
      pos[i]!.x = clamp(pos[i]!.x + (disp[i]!.x / d) * move, margin, width - margin)
      pos[i]!.y = clamp(pos[i]!.y + (disp[i]!.y / d) * move, margin, height - margin)
    }
    temperature *= 0.98
  }
  return pos
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

/** Shortens a label for a node; the full name stays in the accessible name. */
export function shortLabel(text: string, max = 18): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
