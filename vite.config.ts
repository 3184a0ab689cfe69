// The two screens as one multi-page build. The output must run under a strict CSP
// (script-src 'self'; style-src 'self'; img-src 'self' data:), so nothing is inlined and no
// polyfill script is injected; test/renderer/build.test.ts checks the files it writes.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: '/',
  plugins: [react()],
  // No public folder: everything a screen loads comes out of the bundle.
  publicDir: false,
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs in CSS and scripts; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        cashier: here('./renderer/cashier/index.html'),
        display: here('./renderer/display/index.html'),
      },
    },
  },
});
