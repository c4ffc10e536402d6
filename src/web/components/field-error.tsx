/** A field's error, announced with the field (aria-describedby points here). */
export function FieldError({
  id,
  message,
}: {
  readonly id: string
  readonly message: string | null
}) {
  if (message === null) return null
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  )
}

/** Joins the ids of a field's hint and error for aria-describedby. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '')
  return list.length === 0 ? undefined : list.join(' ')
}
