import type { Stage } from '../../core/protocol/protocol.js'
import { Link } from '../router.js'
import { stageUrl } from './stage-url.js'

/** "Step 3 of 13", a bar, and a list of every step to jump to (closed by default, for small screens). */
export function ProgressNav({
  token,
  stages,
  current,
}: {
  readonly token: string
  readonly stages: readonly Stage[]
  readonly current: number
}) {
  const percent = Math.round(((current + 1) / stages.length) * 100)
  return (
    <nav className="progress" aria-label="Interview steps">
      {/* Closed again on each new step, so the list never pushes the question off a phone screen. */}
      <details key={current}>
        <summary>
          Step {current + 1} of {stages.length}
          <span className="visually-hidden">: {stages[current]?.title}. Show all steps</span>
        </summary>
        <ol className="step-list">
          {stages.map((s, i) => (
            <li key={s.id}>
              <Link to={stageUrl(token, s.id)} aria-current={i === current ? 'step' : undefined}>
                {s.title}
              </Link>
            </li>
          ))}
        </ol>
      </details>
      <div className="progress-bar" aria-hidden="true">
        <div style={{ width: `${String(percent)}%` }} />
      </div>
    </nav>
  )
}
