import { useState, type SyntheticEvent } from 'react'
import type { StudyPage } from '../../core/api/api.js'
import {
  deprivationSettingSchema,
  methodWords,
  type DeprivationSetting,
} from '../../core/api/deprivation-api.js'
import { placementMethods, type PlacementMethod } from '../../core/deprivation/place-area.js'
import { isImdField } from '../../core/deprivation/imd-fields.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { ErrorBox } from '../components/load-state.js'
import { RadioGroup } from '../components/radio-group.js'
import { TextInput } from '../components/text-input.js'
import { formatDateTime } from '../lib/format.js'

/** Names researchers usually place by: attributes they record and the link-worker protocol's PCN answer. */
const usualSources = ['practice_code', 'pcn_code', 'lsoa', 'postcode']

/** A setting as facts: what is placed, how, in which edition. */
export function SettingFacts({ setting }: { readonly setting: DeprivationSetting }) {
  return (
    <dl className="facts">
      <div>
        <dt>Placed by</dt>
        <dd>{setting.by}</dd>
      </div>
      <div>
        <dt>Method</dt>
        <dd>
          {setting.method}: {methodWords[setting.method]}
        </dd>
      </div>
      <div>
        <dt>Edition</dt>
        <dd>IoD {setting.edition}</dd>
      </div>
    </dl>
  )
}

/**
 * The study's area-deprivation setting: what spnet places participants by,
 * how and in which IMD edition, what it found, and (for researchers and
 * admins) a form to change it or stop it.
 */
export function DeprivationPanel({
  study,
  editable,
  onChanged,
}: {
  readonly study: StudyPage
  readonly editable: boolean
  readonly onChanged: () => void
}) {
  const d = study.deprivation
  const [editing, setEditing] = useState(false)
  const [message, setMessage] = useState('')
  const total = study.participantList.length
  return (
    <section className="panel" aria-labelledby="deprivation-heading">
      <h2 id="deprivation-heading" className="heading-m">
        Area deprivation (IMD)
      </h2>
      {d === null ? (
        <p>
          Participants are not placed on the Index of Multiple Deprivation automatically. Any
          imd_decile or imd_quintile typed on a participant’s page is used as it is.
        </p>
      ) : (
        <>
          <SettingFacts setting={d.setting} />
          <p>
            Each participant’s imd_score, imd_rank, imd_decile, imd_quintile, imd_tertile,
            imd_group3, core20, imd_edition and imd_method are computed every time they are shown,
            compared, exported or used as case attributes, and replace any typed by hand.
          </p>
          {d.problem === null ? (
            <p className="notice notice-ok">
              {d.placed} of {total} participants placed.
              {d.placed < total && ' The list below says why the others are not.'}
            </p>
          ) : (
            <div className="notice" role="status">
              <p>
                <strong>Nobody can be placed yet.</strong> {d.problem.message}
              </p>
              {d.problem.fix !== null && <p>{d.problem.fix}</p>}
            </div>
          )}
          {d.reference.length > 0 && (
            <details>
              <summary>Reference data used</summary>
              <ul>
                {d.reference.map((r) => (
                  <li key={r.title}>
                    {r.title}: {r.source}, imported {formatDateTime(r.importedAt)} (sha256{' '}
                    {r.sha256.slice(0, 12)})
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <p role="status">{message}</p>
      {editable &&
        (editing ? (
          <SettingForm
            study={study}
            onDone={(text) => {
              setEditing(false)
              setMessage(text)
              if (text !== '') onChanged()
            }}
          />
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setMessage('')
              setEditing(true)
            }}
          >
            {d === null ? 'Place participants automatically' : 'Change how participants are placed'}
          </button>
        ))}
    </section>
  )
}

function SettingForm({
  study,
  onDone,
}: {
  readonly study: StudyPage
  readonly onDone: (message: string) => void
}) {
  const current = study.deprivationSetting
  const [by, setBy] = useState(current?.by ?? 'practice_code')
  const [method, setMethod] = useState<PlacementMethod>(current?.method ?? 'practice-weighted')
  const [edition, setEdition] = useState<'2019' | '2025'>(
    current?.edition === 2025 ? '2025' : '2019',
  )
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  const inUse = new Set(
    study.participantList.flatMap((p) => Object.keys(p.attributes).filter((k) => !isImdField(k))),
  )
  const suggestions = [...new Set([...usualSources, ...inUse])]

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const checked = deprivationSettingSchema.safeParse({ by, method, edition: Number(edition) })
    if (!checked.success) {
      const fields: Record<string, string> = {}
      for (const issue of checked.error.issues) fields[String(issue.path[0])] ??= issue.message
      setErrors({ fields, general: [] })
      document.getElementById(`deprivation-${Object.keys(fields)[0] ?? 'by'}`)?.focus()
      return
    }
    setBusy(true)
    setErrors(noErrors)
    try {
      await api.setDeprivation(study.id, checked.data)
      onDone('Saved. The participants are placed again with the new setting.')
    } catch (error) {
      setErrors(formErrors(error, ['by', 'method', 'edition']))
    } finally {
      setBusy(false)
    }
  }
  const stop = async () => {
    setBusy(true)
    try {
      await api.stopDeprivation(study.id)
      onDone('Participants are no longer placed automatically; values typed by hand are used.')
    } catch (error) {
      setErrors(formErrors(error, []))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        void submit(e)
      }}
    >
      {errors.general.length > 0 && <ErrorBox error={new Error(errors.general.join(' '))} />}
      <TextInput
        id="deprivation-by"
        label="Place each participant by"
        hint="The name of a participant attribute (such as practice_code) or of a question they answer in the interview (such as pcn_code). When both exist, their answer is used."
        list="deprivation-by-options"
        autoComplete="off"
        spellCheck={false}
        value={by}
        onValue={setBy}
        error={errors.fields['by']}
      />
      <datalist id="deprivation-by-options">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <RadioGroup
        name="deprivation-method"
        legend="What the value is, and how to place it"
        options={placementMethods}
        labelOf={(m) => methodWords[m]}
        value={method}
        onValue={setMethod}
        error={errors.fields['method']}
      />
      <RadioGroup
        name="deprivation-edition"
        legend="Edition of the English Indices of Deprivation"
        options={['2019', '2025'] as const}
        labelOf={(year) => `IoD ${year} (${year === '2019' ? '2011 areas' : '2021 areas'})`}
        value={edition}
        onValue={setEdition}
        error={errors.fields['edition']}
        inline
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save the setting
        </button>
        {current !== null && (
          <button
            type="button"
            className="button button-warning"
            disabled={busy}
            onClick={() => {
              void stop()
            }}
          >
            Stop placing participants
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            onDone('')
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  )
}
