import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'src-renderer');

// The renderer bundle. Forge's Vite plugin merges this over its defaults; `npm run build` uses it
// alone for the end-to-end tests, which serve the same output the packaged app loads.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '.vite/renderer/main_window'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
