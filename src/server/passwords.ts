import { hash, verify } from '@node-rs/argon2'

/**
 * Researcher passwords are stored as argon2id hashes (OWASP's first choice)
 * with @node-rs/argon2's defaults: 19 MiB, 2 passes, 1 lane.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when an email has no account, so a wrong email takes as long as a wrong password.
let decoy: Promise<string> | null = null
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('spnet decoy password, never used')
  return decoy
}
