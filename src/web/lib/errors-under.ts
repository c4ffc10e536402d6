/** The errors whose key starts with `prefix`, keyed by the rest (e.g. `ego.role` → `role`). */
export function errorsUnder(
  errors: Readonly<Record<string, string>>,
  prefix: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(errors))
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = message
  return out
}
