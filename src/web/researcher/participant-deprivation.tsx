import type { ParticipantDetail, ParticipantSummary } from '../../core/api/api.js'
import type { ParticipantDeprivation } from '../../core/api/deprivation-api.js'
import { imdFieldNames, isImdField } from '../../core/deprivation/imd-fields.js'
import { formatNumber } from '../lib/format.js'
import { SettingFacts } from './deprivation-panel.js'

const shown = (v: string | number | boolean | null): string =>
  v === null
    ? '–'
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : typeof v === 'number'
        ? formatNumber(v)
        : v

/** The participant list's cell: the quintile, or why the participant is not placed. */
export function DeprivationCell({
  placement,
}: {
  readonly placement: ParticipantDeprivation | undefined
}) {
  if (placement === undefined) return <>–</>
  if (placement.placed)
    return (
      <>
        {shown(placement.fields.imd_quintile)}
        <span className="hint"> (decile {shown(placement.fields.imd_decile)})</span>
      </>
    )
  return (
    <>
      Not placed: {placement.reason}
      {placement.fix !== null && <span className="hint"> {placement.fix}</span>}
    </>
  )
}

/** Attributes typed by hand with the names of the computed fields. */
export function typedImdFields(
  p: ParticipantSummary,
): [string, ParticipantSummary['attributes'][string]][] {
  return Object.entries(p.attributes).filter(([name]) => isImdField(name))
}

/**
 * The participant page's account of their area deprivation: the study's
 * setting, the value placed and every computed field, or why they could not
 * be placed; and the values typed by hand that the computed ones replace.
 */
export function ParticipantDeprivationSection({
  participant: p,
}: {
  readonly participant: ParticipantDetail
}) {
  const d = p.deprivation
  if (d === null) return null
  const typed = typedImdFields(p)
  const placement = d.placement
  return (
    <section aria-labelledby="participant-imd">
      <h2 id="participant-imd" className="heading-m">
        Area deprivation (IMD)
      </h2>
      <p>The study places participants automatically:</p>
      <SettingFacts setting={d.setting} />
      {placement === null ? (
        <p>Not placed yet.</p>
      ) : placement.placed ? (
        <>
          <p>
            {d.setting.by} {placement.value} was placed on {placement.unit}.
          </p>
          <dl className="facts">
            {imdFieldNames.map((name) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{shown(placement.fields[name])}</dd>
              </div>
            ))}
          </dl>
          {placement.warnings.length > 0 && (
            <ul>
              {placement.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <div className="notice" role="status">
          <p>
            <strong>Not placed.</strong>{' '}
            {placement.value === null ? '' : `${d.setting.by} ${placement.value}: `}
            {placement.reason}
          </p>
          {placement.fix !== null && <p>{placement.fix}</p>}
        </div>
      )}
      {typed.length > 0 && (
        <p>
          Typed by hand and not used while the study places participants:{' '}
          {typed.map(([name, v]) => `${name} ${shown(v)}`).join(', ')}. They are kept, and are used
          again if the study stops placing participants.
        </p>
      )}
    </section>
  )
}
