import type { Stage } from '../../core/protocol/protocol.js'

/** An information page: the body's blank-line-separated paragraphs. */
export function InformationStage({
  stage,
}: {
  readonly stage: Extract<Stage, { kind: 'information' }>
}) {
  return (
    <div className="prose">
      {stage.body
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{p.trim()}</p>
        ))}
    </div>
  )
}
