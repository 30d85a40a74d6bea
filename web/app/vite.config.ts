import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  plugins: [svelte()],
  build: {
    outDir: '../../dist/web-app',
    emptyOutDir: true,
    // ECharts core + d3 land near 700 kB unminified-gzip-free; one wall loads once and stays up for days.
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es' },
  // `vite` dev server: the API comes from a running `mofang start`.
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } } },
})
