import { useState } from 'react'

/** Copies text to the clipboard and says so (the text stays selectable for when copying is blocked). */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [done, setDone] = useState<string>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setDone('Copied.')
    } catch {
      setDone('Could not copy: select the link and copy it yourself.')
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          void copy()
        }}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {done}
      </span>
    </>
  )
}
