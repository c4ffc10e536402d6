import { useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react'

/**
 * A text box with a list of suggestions under it (the ARIA 1.2 combobox
 * pattern): typing filters, a tap or click takes a suggestion, ↓ / ↑ move
 * through them, Enter takes the highlighted one, Escape closes the list.
 * Used instead of <datalist>, whose suggestions some phone browsers never
 * show, cannot be zoomed, and are read out unreliably by screen readers.
 */
export function SuggestionBox({
  id,
  value,
  onValue,
  suggestions,
  inputRef,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'list' | 'role'> & {
  readonly id: string
  readonly value: string
  readonly onValue: (value: string) => void
  readonly suggestions: readonly string[]
  readonly inputRef?: Ref<HTMLInputElement>
}) {
  const [focused, setFocused] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const [active, setActive] = useState(-1)
  const listId = `${id}-suggestions`
  const open = focused && !dismissed && suggestions.length > 0
  const current = active >= 0 && active < suggestions.length ? active : -1
  const optionId = (i: number) => `${id}-suggestion-${String(i)}`

  const take = (text: string) => {
    onValue(text)
    setDismissed(true)
    setActive(-1)
  }

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (suggestions.length === 0) return
      e.preventDefault()
      setDismissed(false)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive(open ? (current + step + suggestions.length) % suggestions.length : 0)
    } else if (e.key === 'Enter' && open && current !== -1) {
      // Takes the suggestion; without one highlighted, Enter submits the form as usual.
      e.preventDefault()
      take(suggestions[current]!)
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      setDismissed(true)
      setActive(-1)
    }
  }

  return (
    <div className="suggestion-box">
      <input
        {...rest}
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && current !== -1 ? optionId(current) : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onValue(e.target.value)
          setDismissed(false)
          setActive(-1)
        }}
        onFocus={() => {
          setFocused(true)
        }}
        onBlur={() => {
          setFocused(false)
          setActive(-1)
        }}
        onKeyDown={keyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        className="suggestions"
        hidden={!open}
      >
        {suggestions.map((s, i) => (
          <li
            key={s}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'suggestion suggestion-active' : 'suggestion'}
            // Keep focus in the box: a tap on a suggestion must not blur it first.
            onMouseDown={(e) => {
              e.preventDefault()
            }}
            onClick={() => {
              take(s)
            }}
          >
            {s}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {open
          ? `${String(suggestions.length)} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}: use the down arrow to hear them.`
          : ''}
      </p>
    </div>
  )
}
