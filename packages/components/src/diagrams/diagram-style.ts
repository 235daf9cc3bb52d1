/**
 * Colours of the diagrams: CSS custom properties, each with a fallback that
 * reads on light and dark backgrounds, set inline so that the diagrams work
 * without the stylesheet.
 */
const fg = 'var(--aie-diagram-fg, currentColor)'
const muted = 'var(--aie-diagram-muted, #6b7280)'
const bg = 'var(--aie-diagram-bg, transparent)'
const box = 'var(--aie-diagram-box, rgba(127, 127, 127, 0.12))'
const stroke = 'var(--aie-diagram-stroke, rgba(127, 127, 127, 0.7))'
const accent = 'var(--aie-diagram-accent, #2563eb)'
const accentFg = 'var(--aie-diagram-accent-fg, #ffffff)'

/** Inline styles for the parts of a diagram. */
export const styles = {
  background: { fill: bg },
  box: { fill: box, stroke },
  label: { fill: fg },
  note: { fill: muted },
  accentBox: { fill: accent, stroke: accent },
  accentLabel: { fill: accentFg },
  line: { stroke: fg, fill: 'none' },
  arrowHead: { fill: fg },
  accentLine: { stroke: accent, fill: 'none' },
  accentHead: { fill: accent },
} as const

/** A box with a label of one or more lines, in viewBox units. */
export interface DiagramBox {
  lines: readonly string[]
  x: number
  y: number
  width: number
  height: number
}

/** The baseline-centred `y` of line `index` of `count`, centred on `centre`. */
export function lineY(centre: number, index: number, count: number, lineHeight: number): number {
  return centre + (index - (count - 1) / 2) * lineHeight
}
