import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web app lives in src/web and is built to dist/web, which the server serves at /.
// In development, /api goes to a server started separately (`spnet serve` on port 8080).
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
})
