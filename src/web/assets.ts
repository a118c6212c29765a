// The browser's files, all served by this app (no CDN, no web fonts): the stylesheet, and the client
// modules in src/web/client/, written in TypeScript and bundled by esbuild on first request, each with
// the pure modules it imports (e.g. the scenario report's document), in memory — so `npm start` needs no
// build. The bundle targets the browser: a module that needs Node fails to build, loudly.
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Router } from 'express';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLIENT = join(HERE, 'client');
const STATIC = join(HERE, 'assets');

async function bundle(name: string): Promise<string> {
  const entry = join(CLIENT, name);
  await access(entry);
  const { outputFiles } = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

export function assetsRouter(): Router {
  const router = Router();
  const modules = new Map<string, Promise<string>>();
  router.get('/assets/client/:name', async (req, res, next) => {
    const name = req.params.name;
    if (!/^[a-z][a-z0-9-]*\.ts$/.test(name)) return next();
    let code = modules.get(name);
    if (!code) {
      code = bundle(name);
      modules.set(name, code);
      code.catch(() => modules.delete(name));
    }
    try {
      res.type('text/javascript').set('Cache-Control', 'no-cache').send(await code);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return next();
      throw e;
    }
  });
  router.get('/assets/:name', (req, res, next) => {
    if (!/^[a-z][a-z0-9-]*\.(css|svg)$/.test(req.params.name)) return next();
    res.sendFile(join(STATIC, req.params.name), { maxAge: '1h' }, (err) => err && next());
  });
  return router;
}
