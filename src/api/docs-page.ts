// /v1/docs: the interactive API reference (Swagger UI), rendered from /v1/openapi.json and served from
// node_modules — no CDN, so it works offline and leaks no visitor data to third parties.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Router } from 'express';
import { methodNotAllowed } from '../http/error-handler.ts';

// Resolved via package.json: importing the package itself would load the browser bundle into Node.
const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const PAGE = `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>voorrang API – documentatie</title>
  <link rel="stylesheet" href="docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/init.js"></script>
</body>
</html>
`;

// Relative to the page (/v1/docs), so the API works behind a path prefix too.
const INIT = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

export function mountDocs(router: Router): void {
  router.route('/docs')
    .get((_req, res) => {
      res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
    })
    .all(methodNotAllowed('GET'));
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  for (const asset of ASSETS) {
    router.get(`/docs/${asset}`, (_req, res) => {
      res.sendFile(join(DIST, asset), { maxAge: '1d' });
    });
  }
}
