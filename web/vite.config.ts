// Vite build for the web app: root is web/, output web/dist (served by the API process), /api proxied in dev.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The dev proxy target can be moved off port 3000 (e.g. to a stub API) without editing this file.
const apiTarget = process.env.SAMSERVICE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  publicDir: 'public',
  // No React plugin is installed: esbuild's automatic JSX runtime is all the app needs.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // react-router marks its modules "use client" for server components; irrelevant in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      // Libraries change less often than the app: a separate chunk stays cached across releases. The
      // booking form's proof-of-work widget (altcha) is large and used on one page: its own chunk.
      output: {
        manualChunks: (id) => (id.includes('/node_modules/altcha/') ? 'altcha' : id.includes('/node_modules/') ? 'vendor' : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
