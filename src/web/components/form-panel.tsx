import type { ReactNode, SyntheticEvent } from 'react'
import type { FormErrors } from '../api.js'
import { ErrorBox } from './load-state.js'

/**
 * A form in a panel of its own, titled by its heading (the region's name),
 * with the errors that belong to no field above its fields, and a status
 * line after them for what was done.
 */
export function FormPanel({
  id,
  title,
  errors,
  status,
  onSubmit,
  children,
}: {
  /** The heading's id, which names the region. */
  readonly id: string
  readonly title: string
  readonly errors: FormErrors
  readonly status: string
  readonly onSubmit: (e: SyntheticEvent) => Promise<void>
  readonly children: ReactNode
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="heading-m">
        {title}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          void onSubmit(e)
        }}
      >
        {errors.general.length > 0 && <ErrorBox error={new Error(errors.general.join(' '))} />}
        {children}
        <p role="status">{status}</p>
      </form>
    </section>
  )
}
