import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { InterviewSession, SaveResult } from '../../core/api/api.js'
import { applyChange } from '../../core/interview/apply-change.js'
import { emptyInterview, type InterviewState } from '../../core/interview/interview-state.js'
import { linkWorkerProtocol } from '../../core/protocol/link-worker-protocol.js'
import { ApiError } from '../api.js'
import { InterviewStore, type StoreDeps } from './interview-store.js'
import { loadQueue, type QueuedChange } from './save-queue.js'

/** A Storage kept in a Map, as localStorage would keep it. */
function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => {
      m.clear()
    },
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => {
      m.delete(k)
    },
    setItem: (k, v) => {
      m.set(k, v)
    },
  }
}

/** The server's side of autosave: applies each change once (by id) and answers with its state. */
function fakeServer(initial: InterviewState = emptyInterview) {
  let state = initial
  let revision = 0
  const seen = new Set<string>()
  const batches: QueuedChange[][] = []
  let failWith: ApiError | null = null
  return {
    get state() {
      return state
    },
    batches,
    fail(error: ApiError | null) {
      failWith = error
    },
    send: (changes: readonly QueuedChange[]): Promise<SaveResult> => {
      if (failWith !== null) return Promise.reject(failWith)
      batches.push([...changes])
      const rejected: { id: string; issues: { message: string }[] }[] = []
      for (const { id, change } of changes) {
        if (seen.has(id)) continue
        seen.add(id)
        const r = applyChange(linkWorkerProtocol, state, change)
        if (r.ok) state = r.value
        else rejected.push({ id, issues: [...r.error.issues] })
      }
      revision++
      return Promise.resolve({ revision, state, rejected })
    },
  }
}

function session(state: InterviewState = emptyInterview): InterviewSession {
  return {
    participant: 'LW01',
    studyName: 'Test study',
    protocol: linkWorkerProtocol,
    state,
    status: 'in_progress',
    revision: 0,
    mode: 'self',
  }
}

function makeStore(server: ReturnType<typeof fakeServer>, storage: Storage, online = true) {
  const deps: StoreDeps = {
    storage,
    send: server.send,
    submit: () => Promise.resolve({ status: 'submitted' }),
    online: () => online,
  }
  return new InterviewStore('tok', session(server.state), loadQueue(storage, 'tok'), deps)
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('InterviewStore', () => {
  it('applies an answer at once, keeps it on the device, and saves it', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    const store = makeStore(server, storage)
    expect(store.change({ kind: 'ego_answer', question: 'role', value: 'link_worker' })).toBeNull()
    expect(store.getSnapshot().state.ego['role']).toBe('link_worker')
    expect(store.getSnapshot().save).toBe('saving')
    expect(loadQueue(storage, 'tok')).toHaveLength(1)
    await vi.runAllTimersAsync()
    expect(server.state.ego['role']).toBe('link_worker')
    expect(store.getSnapshot().save).toBe('saved')
    expect(loadQueue(storage, 'tok')).toHaveLength(0)
  })

  it('refuses an invalid answer with a message for its field and does not send it', async () => {
    const server = fakeServer()
    const store = makeStore(server, memoryStorage())
    const refused = store.change({ kind: 'ego_answer', question: 'caseload', value: 1.5 })
    expect(refused).not.toBeNull()
    expect(store.getSnapshot().errors['ego.caseload']).toBe(refused)
    await vi.runAllTimersAsync()
    expect(server.batches).toHaveLength(0)
    store.change({ kind: 'ego_answer', question: 'caseload', value: 12 })
    expect(store.getSnapshot().errors['ego.caseload']).toBeUndefined()
  })

  it('sends only the latest of several unsent answers to one question', async () => {
    const server = fakeServer()
    const store = makeStore(server, memoryStorage())
    store.change({ kind: 'ego_answer', question: 'job_title', value: 'Link worker' })
    store.change({ kind: 'ego_answer', question: 'job_title', value: 'Senior link worker' })
    await vi.runAllTimersAsync()
    expect(server.batches.flat()).toHaveLength(1)
    expect(server.state.ego['job_title']).toBe('Senior link worker')
  })

  it('keeps answers while offline, says so, and sends them when back', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    const store = makeStore(server, storage, false)
    server.fail(new ApiError(0, 'network', 'offline'))
    store.change({ kind: 'ego_answer', question: 'role', value: 'link_worker' })
    await vi.advanceTimersByTimeAsync(400)
    expect(store.getSnapshot().save).toBe('offline')
    expect(store.getSnapshot().state.ego['role']).toBe('link_worker')
    store.change({ kind: 'ego_answer', question: 'base', value: 'practice' })
    expect(store.getSnapshot().save).toBe('offline')
    expect(loadQueue(storage, 'tok')).toHaveLength(2)
    server.fail(null)
    store.retryNow()
    await vi.runAllTimersAsync()
    expect(store.getSnapshot().save).toBe('saved')
    expect(server.state.ego).toEqual({ role: 'link_worker', base: 'practice' })
  })

  it('re-applies unsaved answers after a reload, on top of what the server has', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    server.fail(new ApiError(503, 'internal', 'down'))
    const first = makeStore(server, storage)
    first.change({
      kind: 'add_alter',
      alter: 'a1',
      generator: 'work_contact',
      answers: { name: 'Food bank' },
    })
    await vi.advanceTimersByTimeAsync(400)
    expect(first.getSnapshot().save).toBe('retrying')
    first.dispose()

    server.fail(null)
    const second = makeStore(server, storage)
    expect(second.getSnapshot().state.alters.map((a) => a.id)).toEqual(['a1'])
    await vi.runAllTimersAsync()
    expect(server.state.alters.map((a) => a.id)).toEqual(['a1'])
    expect(loadQueue(storage, 'tok')).toHaveLength(0)
  })

  it('keeps answers given while a save is on its way', async () => {
    const server = fakeServer()
    const store = makeStore(server, memoryStorage())
    store.change({ kind: 'ego_answer', question: 'role', value: 'link_worker' })
    await vi.advanceTimersByTimeAsync(300) // the batch is sent
    store.change({ kind: 'ego_answer', question: 'base', value: 'host' })
    expect(store.getSnapshot().state.ego['base']).toBe('host')
    await vi.runAllTimersAsync()
    expect(store.getSnapshot().state.ego).toEqual({ role: 'link_worker', base: 'host' })
    expect(server.state.ego).toEqual({ role: 'link_worker', base: 'host' })
  })

  it('shows the reason when the server refuses one change', async () => {
    const server = fakeServer()
    const store = makeStore(server, memoryStorage())
    // Named on another device meanwhile: the server refuses the duplicate.
    await server.send([
      {
        id: 'elsewhere1',
        change: {
          kind: 'add_alter',
          alter: 'x',
          generator: 'work_contact',
          answers: { name: 'Citizens Advice' },
        },
      },
    ])
    store.change({
      kind: 'add_alter',
      alter: 'y',
      generator: 'work_contact',
      answers: { name: 'citizens  advice' },
    })
    await vi.runAllTimersAsync()
    expect(store.getSnapshot().errors['add.work_contact']).toMatch(/Already named/)
    expect(store.getSnapshot().state.alters.map((a) => a.id)).toEqual(['x'])
  })

  it('saves everything before sending the interview', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    const store = makeStore(server, storage)
    store.change({ kind: 'ego_answer', question: 'role', value: 'link_worker' })
    const outcome = store.submit()
    await vi.runAllTimersAsync()
    expect(await outcome).toEqual({ ok: true })
    expect(server.state.ego['role']).toBe('link_worker')
    expect(store.getSnapshot().status).toBe('submitted')
    expect(store.change({ kind: 'ego_answer', question: 'role', value: 'other' })).not.toBeNull()
  })
})
