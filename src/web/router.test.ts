import { describe, expect, it } from 'vitest'
import { match } from './router.js'

describe('match', () => {
  it('matches fixed paths and names the variable parts', () => {
    expect(match('/', '/')).toEqual({})
    expect(match('/studies/:id', '/studies/s%201')).toEqual({ id: 's 1' })
    expect(match('/studies/:id', '/studies/s1/')).toEqual({ id: 's1' })
    expect(match('/studies/:id/analysis', '/studies/s1/analysis')).toEqual({ id: 's1' })
  })

  it('does not match other paths', () => {
    expect(match('/', '/studies')).toBeNull()
    expect(match('/studies/:id', '/studies')).toBeNull()
    expect(match('/studies/:id', '/studies/s1/analysis')).toBeNull()
    expect(match('/i/:token', '/i/')).toBeNull()
  })
})
