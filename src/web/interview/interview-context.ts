import { createContext, useContext } from 'react'
import type { InterviewChange } from '../../core/interview/interview-state.js'
import type { InterviewSnapshot, InterviewStore } from './interview-store.js'

/** What every stage needs: the current answers, and a way to change them. */
export type InterviewApi = {
  readonly token: string
  readonly snapshot: InterviewSnapshot
  readonly store: InterviewStore
  /** Applies and saves a change; returns why it was refused, or null. */
  readonly change: (change: InterviewChange) => string | null
}

export const InterviewContext = createContext<InterviewApi | null>(null)

export function useInterview(): InterviewApi {
  const api = useContext(InterviewContext)
  if (api === null) throw new Error('web/interview: useInterview outside an interview')
  return api
}
