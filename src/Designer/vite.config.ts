import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

// The API serves the built files at /app/ from its own origin (one port, one origin: the only host the
// front-end ever talks to). In development Vite forwards the API's paths to a running API.
const api = process.env.QADAM_API ?? 'http://127.0.0.1:5000';
const apiPaths = ['/api', '/connect', '/account', '/.well-known', '/signin'];

// OpenIddict redirects to <origin>/signin-callback (src/Api/Features/Identity/OidcClients.cs); in development the
// Vite server answers that path with the app itself, as the API does in production.
const signinCallback: Plugin = {
  name: 'qadam-signin-callback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/signin-callback')) {
        req.url = '/app/' + req.url.slice(1).replace(/^signin-callback/, 'index.html');
      }
      next();
    });
  },
};

export default defineConfig({
  plugins: [signinCallback],
  base: '/app/',
  // One preact for the form viewer and the form editor: the editor pins an older copy for itself, and components of two
  // preact copies in one tree lose their hooks. The viewer's copy (the newer) serves both.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js and the properties panel are large; one chunk per screen family keeps first load small enough.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
