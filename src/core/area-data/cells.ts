/**
 * Cells as they come from CSV (text) or XLSX (numbers, dates, text).
 * @internal
 */
export type Cell = string | number | boolean | Date | null

/** The cell as trimmed text; dates as yyyymmdd. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) {
    const y = cell.getUTCFullYear()
    const m = String(cell.getUTCMonth() + 1).padStart(2, '0')
    const d = String(cell.getUTCDate()).padStart(2, '0')
    return `${y}${m}${d}`
  }
  return String(cell).trim()
}

/**
 * The cell as a number: null when empty, NaN when not a number. Thousands
 * separators are removed, as spreadsheets saved as CSV write "29,199".
 */
export function cellNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell
  const text = cellText(cell)
  if (text === '') return null
  const plain = text.replace(/,(?=\d{3}(\D|$))/g, '')
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain) ? Number(plain) : Number.NaN
}
