import { useState, type SyntheticEvent } from 'react'
import { roles, type Role, type User } from '../../core/api/api.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { FormPanel } from '../components/form-panel.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { useUser } from './session.js'

const roleWords: Record<Role, string> = {
  admin: 'Admin (everything, and accounts)',
  researcher: 'Researcher (studies and participants)',
  viewer: 'Viewer (can look, not change)',
}

export function UsersPage() {
  usePageTitle('Users')
  const [users, reload] = useResource('users', api.users)
  const me = useUser()
  const [error, setError] = useState<unknown>(null)

  const update = async (user: User, patch: { role?: Role; disabled?: boolean }) => {
    setError(null)
    try {
      await api.updateUser(user.id, patch)
      reload()
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      <h1>Users</h1>
      {error !== null && <ErrorBox error={error} />}
      <LoadState resource={users}>
        {(list) => (
          <div className="table-wrap">
            <table className="table-stack" role="table">
              <caption className="visually-hidden">User accounts</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    Name
                  </th>
                  <th scope="col" role="columnheader">
                    Email
                  </th>
                  <th scope="col" role="columnheader">
                    Role
                  </th>
                  <th scope="col" role="columnheader">
                    Account
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {list.map((u) => (
                  <tr key={u.id} role="row">
                    <th scope="row" role="rowheader">
                      {u.name}
                    </th>
                    <td role="cell">{u.email}</td>
                    <td role="cell">
                      <label htmlFor={`role-${u.id}`} className="visually-hidden">
                        Role of {u.name}
                      </label>
                      <select
                        id={`role-${u.id}`}
                        value={u.role}
                        disabled={u.id === me.id}
                        onChange={(e) => {
                          void update(u, { role: e.target.value as Role })
                        }}
                      >
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td role="cell">
                      {u.disabled ? 'Disabled ' : 'Active '}
                      {u.id !== me.id && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            void update(u, { disabled: !u.disabled })
                          }}
                        >
                          {u.disabled ? 'Enable' : 'Disable'}
                          <span className="visually-hidden"> {u.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
      <NewUserForm onCreated={reload} />
      {users.kind === 'ready' && (
        <NewPasswordForm users={users.data.filter((u) => u.id !== me.id)} />
      )}
    </>
  )
}

/**
 * An admin sets a new password for someone who has lost theirs (as `spnet
 * users reset-password` does on the server). Their sessions end; the
 * change is in the audit log.
 */
function NewPasswordForm({ users }: { readonly users: readonly User[] }) {
  const [userId, setUserId] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [done, setDone] = useState('')
  if (users.length === 0) return null
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    setDone('')
    const user = users.find((u) => u.id === userId)
    if (user === undefined) {
      setErrors({ general: [], fields: { user: 'Choose whose password to set.' } })
      return
    }
    try {
      await api.updateUser(user.id, { password })
      setDone(
        `${user.name}’s new password is saved, and their sessions have ended. Give it to them in person or by phone.`,
      )
      setPassword('')
    } catch (error) {
      setErrors(formErrors(error, ['password']))
    }
  }
  return (
    <FormPanel
      id="new-password"
      title="Set a new password"
      errors={errors}
      status={done}
      onSubmit={submit}
    >
      <div className="field">
        <label className="label" htmlFor="password-user">
          For
        </label>
        <FieldError id="password-user-error" message={errors.fields['user'] ?? null} />
        <select
          id="password-user"
          value={userId}
          aria-invalid={errors.fields['user'] === undefined ? undefined : true}
          aria-describedby={describedBy(
            errors.fields['user'] !== undefined && 'password-user-error',
          )}
          onChange={(e) => {
            setUserId(e.target.value)
          }}
        >
          <option value="">Choose a user</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
      </div>
      <TextInput
        id="password-new"
        label="New password"
        hint="At least 12 characters. Their sessions end, so they sign in again with it."
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
        error={errors.fields['password']}
      />
      <button type="submit" className="button button-primary">
        Save the password
      </button>
    </FormPanel>
  )
}

function NewUserForm({ onCreated }: { readonly onCreated: () => void }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('researcher')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [done, setDone] = useState('')
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    try {
      const user = await api.createUser({ email, name, role, password })
      setDone(`${user.name} can now sign in.`)
      setEmail('')
      setName('')
      setPassword('')
      onCreated()
    } catch (error) {
      setErrors(formErrors(error, ['email', 'name', 'role', 'password']))
    }
  }
  return (
    <FormPanel id="new-user" title="Add a user" errors={errors} status={done} onSubmit={submit}>
      <TextInput
        id="user-name"
        label="Name"
        value={name}
        onValue={setName}
        autoComplete="off"
        error={errors.fields['name']}
      />
      <TextInput
        id="user-email"
        label="Email address"
        type="email"
        value={email}
        onValue={setEmail}
        autoComplete="off"
        spellCheck={false}
        error={errors.fields['email']}
      />
      <fieldset className="field">
        <legend className="label">Role</legend>
        <FieldError id="user-role-error" message={errors.fields['role'] ?? null} />
        <div className="options">
          {roles.map((r) => (
            <div className="option" key={r}>
              <input
                type="radio"
                id={`user-role-${r}`}
                name="user-role"
                checked={role === r}
                onChange={() => {
                  setRole(r)
                }}
              />
              <label htmlFor={`user-role-${r}`}>{roleWords[r]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextInput
        id="user-password"
        label="First password"
        hint="At least 12 characters. Give it to them in person or by phone, not in an email with their address."
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
        error={errors.fields['password']}
      />
      <button type="submit" className="button button-primary">
        Add user
      </button>
    </FormPanel>
  )
}
