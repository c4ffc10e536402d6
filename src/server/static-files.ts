import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the built web app: files under `dir`, and index.html for any other
 * page address (the app routes in the browser). Vite names assets by their
 * content hash, so they can be cached for a year; index.html never is.
 */
export function staticFiles(dir: string): MiddlewareHandler {
  const root = normalize(dir + sep)
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/'))
      return next()
    let path: string
    try {
      path = decodeURIComponent(c.req.path)
    } catch {
      return next()
    }
    const file = normalize(join(root, path))
    if (file.startsWith(root) && file !== root) {
      const found = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
      if (found) {
        const immutable = path.startsWith('/assets/')
        return c.body(await readFile(file), 200, {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        })
      }
    }
    // A missing asset is a 404; any other address is a page of the app.
    if (extname(path) !== '' && path !== '/') return next()
    const index = await readFile(join(root, 'index.html')).catch(() => null)
    if (index === null) return next()
    return c.body(index, 200, { 'Content-Type': types['.html']!, 'Cache-Control': 'no-cache' })
  }
}
