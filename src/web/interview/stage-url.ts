/** The address of a place in an interview: a stage, a contact in an alter form, a question to focus. */
export function stageUrl(
  token: string,
  stage: string,
  contact?: string | null,
  focus?: string | null,
): string {
  const q = new URLSearchParams({ stage })
  if (contact !== undefined && contact !== null) q.set('contact', contact)
  if (focus !== undefined && focus !== null) q.set('focus', focus)
  return `/i/${encodeURIComponent(token)}?${q.toString()}`
}
