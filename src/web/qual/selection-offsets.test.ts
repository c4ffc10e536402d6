import { describe, expect, it } from 'vitest'
import { sliceCodePoints } from '../../core/qual/text/code-points.js'
import { leafOffset, trimRange } from './selection-offsets.js'

describe('offsets of a selection', () => {
  it('counts code points, not UTF-16 units, inside a leaf', () => {
    const leaf = 'Zoë 👍 It took months.'
    // After "Zoë 👍 " the DOM says 7 (the emoji is two units); the server wants 6.
    expect(leafOffset(10, leaf, 'Zoë 👍 '.length)).toBe(16)
    expect(leafOffset(10, leaf, leaf.length)).toBe(10 + Array.from(leaf).length)
    expect(leafOffset(0, leaf, 0)).toBe(0)
    // Between the two halves of the emoji: the whole emoji counts as before.
    expect(leafOffset(0, leaf, 5)).toBe(5)
    // Offsets past the leaf stay at its end.
    expect(leafOffset(3, 'abc', 99)).toBe(6)
  })

  it('keeps accented names whole, composed or not', () => {
    const composed = 'José Núñez'
    const decomposed = 'Jose\u0301 Nu\u0301n\u0303ez'
    expect(leafOffset(0, composed, composed.length)).toBe(10)
    // Combining marks are code points of their own, as REFI-QDA counts them.
    expect(leafOffset(0, decomposed, decomposed.length)).toBe(13)
  })

  it('trims white space at the ends of a range, in code points', () => {
    const text = 'A: 👍  Transport is a barrier. \nB: yes'
    const start = Array.from('A: 👍 ').length
    const end = Array.from('A: 👍  Transport is a barrier. \n').length
    const r = trimRange(text, { start, end })
    expect(r).not.toBeNull()
    expect(sliceCodePoints(text, r!.start, r!.end)).toBe('Transport is a barrier.')
    expect(trimRange(text, { start: end - 2, end })).toBeNull()
    // Backwards ranges are put the right way round.
    expect(trimRange(text, { start: end, end: start })).toEqual(r)
  })
})
