import { describe, expect, it } from 'vitest'
import { enqueue, loadQueue, retryDelay, storeQueue, type QueuedChange } from './save-queue.js'

const answer = (id: string, value: string): QueuedChange => ({
  id,
  change: { kind: 'ego_answer', question: 'job_title', value },
})

function storage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial))
  return {
    length: 0,
    clear: () => undefined,
    key: () => null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => {
      m.set(k, v)
    },
    removeItem: (k) => {
      m.delete(k)
    },
  }
}

describe('save queue', () => {
  it('replaces an unsent answer to the same question, but never one being sent', () => {
    const q1 = enqueue([], answer('c1', 'a'), new Set())
    expect(enqueue(q1, answer('c2', 'b'), new Set()).map((q) => q.id)).toEqual(['c2'])
    expect(enqueue(q1, answer('c2', 'b'), new Set(['c1'])).map((q) => q.id)).toEqual(['c1', 'c2'])
  })

  it('keeps every contact added and removed, in order', () => {
    const add: QueuedChange = {
      id: 'c1',
      change: { kind: 'add_alter', alter: 'a', generator: 'work_contact', answers: { name: 'X' } },
    }
    const remove: QueuedChange = { id: 'c2', change: { kind: 'remove_alter', alter: 'a' } }
    expect(enqueue([add], remove, new Set()).map((q) => q.id)).toEqual(['c1', 'c2'])
  })

  it('survives a reload, and ignores what it cannot read', () => {
    const s = storage()
    storeQueue(s, 't', [answer('c1', 'a')])
    expect(loadQueue(s, 't')).toEqual([answer('c1', 'a')])
    storeQueue(s, 't', [])
    expect(loadQueue(s, 't')).toEqual([])
    const junk = storage({
      'spnet:interview:t:queue': JSON.stringify([{ id: 'x', change: { kind: 'nonsense' } }, 3]),
    })
    expect(loadQueue(junk, 't')).toEqual([])
    expect(loadQueue(storage({ 'spnet:interview:t:queue': '{not json' }), 't')).toEqual([])
    expect(loadQueue(null, 't')).toEqual([])
  })

  it('waits longer after each failure, up to about 30 seconds', () => {
    const mid = () => 0.5
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ])
  })
})
