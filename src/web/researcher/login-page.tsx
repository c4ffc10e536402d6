import { useState, type SyntheticEvent } from 'react'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { TextInput } from '../components/text-input.js'
import { usePageTitle } from '../lib/use-resource.js'
import { useSessionApi } from './session.js'

export function LoginPage() {
  usePageTitle('Sign in')
  const { signedIn } = useSessionApi()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      signedIn(await api.login(email, password))
    } catch (error) {
      setErrors(formErrors(error, ['email', 'password']))
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <h1>Sign in to spnet</h1>
      <p>For researchers. If you were sent an interview link, open that link instead.</p>
      {errors.general.length > 0 && (
        <div className="error-summary" role="alert">
          {errors.general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <form
        onSubmit={(e) => {
          void submit(e)
        }}
        noValidate
      >
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onValue={setEmail}
          error={errors.fields['email']}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={errors.fields['password']}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
