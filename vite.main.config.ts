import { defineConfig } from 'vite';

// The main-process bundle. Native modules stay external: the packaging hook copies them into
// the app (forge/native-modules.ts), because Forge's Vite plugin packages only .vite/.
export default defineConfig({
  build: {
    rollupOptions: {
      external: ['better-sqlite3', '@napi-rs/keyring', 'electron'],
    },
  },
});
