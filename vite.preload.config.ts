import { defineConfig } from 'vite';

// The preload runs in a sandboxed renderer: it must be one file with no imports but electron.
export default defineConfig({
  build: {
    rollupOptions: {
      external: ['electron'],
    },
  },
});
