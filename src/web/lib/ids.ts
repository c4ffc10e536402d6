const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A random id for a change or a new contact: 22 URL-safe characters (132
 * bits). Uses getRandomValues rather than randomUUID, which browsers only
 * offer on https, so an interview over plain http on a local network works.
 */
export function newId(): string {
  let id = ''
  for (const b of crypto.getRandomValues(new Uint8Array(22))) id += alphabet[b & 63]!
  return id
}
