/**
 * Notes beside a result: what was left out or chosen by default, such as
 * small groups withheld or columns the data cannot give. Nothing when none.
 */
export function Notes({ notes }: { readonly notes: readonly string[] }) {
  if (notes.length === 0) return null
  return (
    <ul className="notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  )
}
