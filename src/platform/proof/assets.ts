import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { projectRoot } from '../paths.ts';

const altcha = path.join(projectRoot, 'node_modules/altcha/dist');
const own = path.join(projectRoot, 'src/platform/proof/assets');
const files = {
  'proof.css': { file: path.join(own, 'proof.css'), type: 'text/css; charset=utf-8' },
  'proof.js': { file: path.join(own, 'proof.js'), type: 'text/javascript; charset=utf-8' },
  'altcha.js': { file: path.join(altcha, 'external/altcha.min.js'), type: 'text/javascript; charset=utf-8' },
  'altcha.css': { file: path.join(altcha, 'external/altcha.css'), type: 'text/css; charset=utf-8' },
  'altcha-worker.js': { file: path.join(altcha, 'workers/sha.js'), type: 'text/javascript; charset=utf-8' },
} as const;
type Name = keyof typeof files;

// Read on first use: most starts serve no form with a proof before the first visitor asks for one.
let loaded: { contents: Record<Name, Buffer>; version: string } | undefined;
function load() {
  if (!loaded) {
    const contents = Object.fromEntries(
      Object.entries(files).map(([name, f]) => [name, fs.readFileSync(f.file)]),
    ) as Record<Name, Buffer>;
    // One version for the set: proof.js imports its siblings by relative URL, so they must change together.
    loaded = {
      contents,
      version: crypto
        .createHash('sha256')
        .update(Buffer.concat(Object.values(contents)))
        .digest('hex')
        .slice(0, 10),
    };
  }
  return loaded;
}

export type ProofAssets = { css: string; script: string };
export const proofAssets = (): ProofAssets => {
  const { version } = load();
  return { css: `/static/proof/${version}/proof.css`, script: `/static/proof/${version}/proof.js` };
};

/**
 * The proof-of-work widget (ALTCHA, from node_modules) and its wiring, served like htmx: under /static (no session
 * lookup), cached for a year under a versioned path. Only these files, nothing else.
 */
export function registerProofAssets(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/static/proof/:version/:file',
    { schema: { hide: true, params: z.object({ version: z.string().max(20), file: z.string().max(40) }) } },
    async (req, reply) => {
      const name = req.params.file as Name;
      if (!Object.hasOwn(files, name)) throw new AppError('not_found');
      const { contents, version } = load();
      return reply
        .type(files[name].type)
        .header('cache-control', req.params.version === version ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(contents[name]);
    },
  );
}
