/** The pair question with {a} and {b} replaced by the two names, in bold. */
export function CensusPrompt({
  prompt,
  a,
  b,
}: {
  readonly prompt: string
  readonly a: string
  readonly b: string
}) {
  const parts = prompt.split(/(\{a\}|\{b\})/)
  return (
    <>
      {parts.map((part, i) =>
        part === '{a}' ? (
          <strong key={i}>{a}</strong>
        ) : part === '{b}' ? (
          <strong key={i}>{b}</strong>
        ) : (
          part
        ),
      )}
    </>
  )
}

export function promptText(prompt: string, a: string, b: string): string {
  return prompt.replaceAll('{a}', a).replaceAll('{b}', b)
}
