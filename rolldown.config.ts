import { defineConfig } from 'rolldown'

// The CLI ships as one bundle (plus a chunk per command), because loading
// hundreds of small ES modules (zod alone is ~100) costs more start-up time
// than the whole measures job on a national study.
export default defineConfig({
  input: { spnet: 'src/cli/bin.ts' },
  platform: 'node',
  external: [/^node:/],
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    minify: false,
    sourcemap: true,
  },
})
