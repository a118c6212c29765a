// JSON request bodies: content type checked first (415), then parsed with a size limit (413); parse
// failures become problems in error-handler.ts.
import express, { type RequestHandler } from 'express';
import { problems } from './problem.ts';

export const BODY_LIMIT = '1mb';
export const BODY_LIMIT_TEXT = '1 MiB';

const parse = express.json({ limit: BODY_LIMIT, strict: false, type: () => true });

export const jsonBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) throw problems.unsupportedMediaType(req.get('content-type'));
  parse(req, res, next);
};
