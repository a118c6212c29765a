// The browser's files, all served by this app (no CDN, no web fonts): the stylesheet, and the client
// modules in src/web/client/, written in TypeScript and turned into plain ES modules by esbuild on
// first request (types stripped, nothing bundled, nothing written to disk — so `npm start` needs no build).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { Router } from 'express';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLIENT = join(HERE, 'client');
const STATIC = join(HERE, 'assets');

export function assetsRouter(): Router {
  const router = Router();
  const modules = new Map<string, Promise<string>>();
  const compile = async (name: string) => {
    const source = await readFile(join(CLIENT, name), 'utf8');
    const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: name });
    return code;
  };
  router.get('/assets/client/:name', async (req, res, next) => {
    const name = req.params.name;
    if (!/^[a-z][a-z0-9-]*\.ts$/.test(name)) return next();
    let code = modules.get(name);
    if (!code) {
      code = compile(name);
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
