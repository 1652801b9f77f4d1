import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The API replaces this with a fresh nonce on every page it serves (its Content-Security-Policy allows only
  // <style> elements with that nonce); the app reads it from <meta property="csp-nonce">.
  html: { cspNonce: 'POA_CSP_NONCE' },
  resolve: {
    alias: {
      '@poa/sdk': fromRoot('libs/sdk/src/index.ts'),
      '@poa/domain': fromRoot('libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: fromRoot('dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Font files stay files: the site's policy loads fonts from this origin only (font-src 'self'), never data: URIs.
    assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        portal: fileURLToPath(new URL('portal.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
