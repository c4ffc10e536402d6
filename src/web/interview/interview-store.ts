import type { InterviewSession, SaveResult } from '../../core/api/api.js'
import { applyChange } from '../../core/interview/apply-change.js'
import type { InterviewChange, InterviewState } from '../../core/interview/interview-state.js'
import type { Protocol } from '../../core/protocol/protocol.js'
import { ApiError, type ApiIssue } from '../api.js'
import { newId } from '../lib/ids.js'
import { changeTarget, enqueue, retryDelay, storeQueue, type QueuedChange } from './save-queue.js'

/**
 * An interview in the browser. Every answer is applied at once with the same
 * `applyChange` the server uses (instant feedback, and a refused answer is
 * never sent), queued with a random id, kept in localStorage, and sent in
 * batches. The state shown is the server's last confirmed state with the
 * unconfirmed changes applied on top, so a refresh, a dropped connection or
 * a second device all end up showing the same answers.
 */

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'retrying' | 'stopped'

export type InterviewSnapshot = {
  readonly protocol: Protocol
  readonly participant: string
  readonly studyName: string
  readonly mode: 'self' | 'interviewer'
  readonly state: InterviewState
  readonly status: 'in_progress' | 'submitted'
  readonly save: SaveStatus
  /** Answers not yet on the server (moving between steps is kept too, but is not an answer). */
  readonly pending: number
  /** Messages by change target (see `changeTarget`): refused here or by the server. */
  readonly errors: Readonly<Record<string, string>>
  /** Why saving stopped (the link was withdrawn, …), for a banner. */
  readonly problem: string | null
}

export type SubmitOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string; readonly issues: readonly ApiIssue[] }

export type StoreDeps = {
  readonly send: (changes: readonly QueuedChange[]) => Promise<SaveResult>
  readonly submit: () => Promise<unknown>
  readonly storage: Storage | null
  readonly online: () => boolean
}

/** Changes per request; halved when the server says a request is too large. */
const BATCH = 100

export class InterviewStore {
  #snapshot: InterviewSnapshot
  #server: InterviewState
  #queue: QueuedChange[]
  #inFlight = new Set<string>()
  #sending: Promise<boolean> | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  #attempt = 0
  #batch = BATCH
  #listeners = new Set<() => void>()
  readonly #token: string
  readonly #deps: StoreDeps

  constructor(
    token: string,
    session: InterviewSession,
    queued: readonly QueuedChange[],
    deps: StoreDeps,
  ) {
    this.#token = token
    this.#deps = deps
    this.#server = session.state
    const submitted = session.status === 'submitted'
    // Re-apply what this device had not yet saved; drop what no longer fits (e.g. a contact removed elsewhere).
    this.#queue = submitted ? [] : [...queued]
    const { state, queue } = this.#rebase(session.protocol, this.#queue)
    this.#queue = queue
    storeQueue(deps.storage, token, this.#queue)
    this.#snapshot = {
      protocol: session.protocol,
      participant: session.participant,
      studyName: session.studyName,
      mode: session.mode,
      state,
      status: session.status,
      save: 'saved',
      pending: answersIn(this.#queue),
      errors: {},
      problem: null,
    }
    if (this.#queue.length > 0) this.#schedule(0)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getSnapshot = (): InterviewSnapshot => this.#snapshot

  #set(patch: Partial<InterviewSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch, pending: answersIn(this.#queue) }
    for (const l of this.#listeners) l()
  }

  /** Applies and queues one answer; returns why it was refused, or null. */
  change(change: InterviewChange): string | null {
    return this.changes([change])[0] ?? null
  }

  /** Applies and queues several answers; returns the refusals (messages), if any. */
  changes(list: readonly InterviewChange[]): string[] {
    const s = this.#snapshot
    if (s.status === 'submitted') return ['Your answers have been sent and can no longer change.']
    let state = s.state
    let errors: Record<string, string> = { ...s.errors }
    const refused: string[] = []
    for (const change of list) {
      const target = changeTarget(change)
      const result = applyChange(s.protocol, state, change)
      if (!result.ok) {
        const message = result.error.issues[0]?.message ?? result.error.message
        errors[target] = message
        refused.push(message)
        continue
      }
      errors = withoutKey(errors, target)
      if (result.value === state) continue // nothing changed (e.g. the same answer again)
      state = result.value
      this.#queue = enqueue(this.#queue, { id: newId(), change }, this.#inFlight)
    }
    storeQueue(this.#deps.storage, this.#token, this.#queue)
    // While waiting to retry, keep saying so: the new answers wait in the same queue.
    const waiting = s.save === 'offline' || s.save === 'retrying' || s.save === 'stopped'
    this.#set({ state, errors, save: waiting || this.#queue.length === 0 ? s.save : 'saving' })
    this.#schedule(300)
    return refused
  }

  /** Sends queued changes now (e.g. when the connection comes back). */
  retryNow = (): void => {
    this.#attempt = 0
    this.#schedule(0)
  }

  #schedule(delay: number): void {
    if (this.#timer !== null) {
      if (delay > 0) return
      clearTimeout(this.#timer)
    }
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.flush()
    }, delay)
  }

  /** Sends one batch; true when everything queued so far is saved. */
  flush(): Promise<boolean> {
    if (this.#sending !== null) return this.#sending
    if (this.#queue.length === 0) return Promise.resolve(true)
    if (this.#snapshot.save === 'stopped') return Promise.resolve(false)
    this.#sending = this.#send().finally(() => {
      this.#sending = null
    })
    return this.#sending
  }

  async #send(): Promise<boolean> {
    const batch = this.#queue.slice(0, this.#batch)
    for (const b of batch) this.#inFlight.add(b.id)
    this.#set({ save: 'saving' })
    let result: SaveResult
    try {
      result = await this.#deps.send(batch)
    } catch (e) {
      this.#inFlight.clear()
      return this.#failed(e, batch)
    }
    this.#inFlight.clear()
    this.#attempt = 0
    const sent = new Set(batch.map((b) => b.id))
    const errors = { ...this.#snapshot.errors }
    for (const r of result.rejected) {
      const item = batch.find((b) => b.id === r.id)
      if (item !== undefined)
        errors[changeTarget(item.change)] = r.issues[0]?.message ?? 'This answer was not saved.'
    }
    this.#server = result.state
    const { state, queue } = this.#rebase(
      this.#snapshot.protocol,
      this.#queue.filter((q) => !sent.has(q.id)),
    )
    this.#queue = queue
    storeQueue(this.#deps.storage, this.#token, this.#queue)
    const more = this.#queue.length > 0
    this.#set({ state, errors, save: more ? 'saving' : 'saved', problem: null })
    if (more) this.#schedule(0)
    return !more
  }

  #failed(e: unknown, batch: readonly QueuedChange[]): boolean {
    const error = e instanceof ApiError ? e : new ApiError(0, 'network', 'Cannot reach the server.')
    if (error.retryable) {
      const delay = retryDelay(this.#attempt++)
      this.#set({ save: error.status === 0 || !this.#deps.online() ? 'offline' : 'retrying' })
      this.#schedule(delay)
      return false
    }
    if (error.status === 413 && this.#batch > 1) {
      this.#batch = Math.max(1, Math.floor(this.#batch / 2))
      this.#schedule(0)
      return false
    }
    if (error.status === 400) {
      // The server refused the batch as a whole; drop it rather than retry it for ever.
      const dropped = new Set(batch.map((b) => b.id))
      this.#queue = this.#queue.filter((q) => !dropped.has(q.id))
      storeQueue(this.#deps.storage, this.#token, this.#queue)
      const { state } = this.#rebase(this.#snapshot.protocol, this.#queue)
      this.#set({ state, save: 'saved', problem: `Some answers were not saved: ${error.message}` })
      return false
    }
    // The link was withdrawn, has expired, or the interview was sent from another device.
    this.#set({
      save: 'stopped',
      problem:
        error.status === 409
          ? 'These answers have already been sent, so they cannot be changed. Reload the page to see them.'
          : `Your answers cannot be saved: ${error.message} Your unsaved answers are kept on this device.`,
    })
    return false
  }

  /** The server's state with the queued changes on top; changes that no longer apply are dropped. */
  #rebase(
    protocol: Protocol,
    queue: readonly QueuedChange[],
  ): { state: InterviewState; queue: QueuedChange[] } {
    let state = this.#server
    const kept: QueuedChange[] = []
    for (const item of queue) {
      const result = applyChange(protocol, state, item.change)
      if (!result.ok) continue
      state = result.value
      kept.push(item)
    }
    return { state, queue: kept }
  }

  /** Saves everything, then sends the interview. */
  async submit(): Promise<SubmitOutcome> {
    for (let i = 0; i < 20 && this.#queue.length > 0; i++) {
      const done = await this.flush()
      if (!done && this.#snapshot.save !== 'saving') break
    }
    if (this.#queue.length > 0) {
      return {
        ok: false,
        message:
          'Some answers are not saved yet, so they cannot be sent. Check your connection and try again: nothing you entered is lost.',
        issues: [],
      }
    }
    try {
      await this.#deps.submit()
    } catch (e) {
      const error =
        e instanceof ApiError ? e : new ApiError(0, 'network', 'Cannot reach the server.')
      if (error.status === 409) {
        this.#set({ status: 'submitted' })
        return { ok: true }
      }
      return { ok: false, message: error.message, issues: error.issues }
    }
    storeQueue(this.#deps.storage, this.#token, [])
    this.#set({ status: 'submitted', save: 'saved' })
    return { ok: true }
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#listeners.clear()
  }
}

function answersIn(queue: readonly QueuedChange[]): number {
  return queue.filter((q) => q.change.kind !== 'stage').length
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))
}
