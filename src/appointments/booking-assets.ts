import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { projectRoot } from '../platform/paths.ts';

const altcha = path.join(projectRoot, 'node_modules/altcha/dist');
const own = path.join(projectRoot, 'src/appointments/assets');
const files = {
  'booking.css': { file: path.join(own, 'booking.css'), type: 'text/css; charset=utf-8' },
  'booking.js': { file: path.join(own, 'booking.js'), type: 'text/javascript; charset=utf-8' },
  'altcha.js': { file: path.join(altcha, 'external/altcha.min.js'), type: 'text/javascript; charset=utf-8' },
  'altcha.css': { file: path.join(altcha, 'external/altcha.css'), type: 'text/css; charset=utf-8' },
  'altcha-worker.js': { file: path.join(altcha, 'workers/sha.js'), type: 'text/javascript; charset=utf-8' },
} as const;
type Name = keyof typeof files;

const contents = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, fs.readFileSync(f.file)])) as Record<Name, Buffer>;
/** One version for the set: booking.js imports its siblings by relative URL, so they must change together. */
const version = crypto.createHash('sha256').update(Buffer.concat(Object.values(contents))).digest('hex').slice(0, 10);
const url = (name: Name) => `/static/booking/${version}/${name}`;

export type BookingAssets = { css: string; script: string };
export const bookingAssets: BookingAssets = { css: url('booking.css'), script: url('booking.js') };

/**
 * The booking pages' own stylesheet and script and the ALTCHA widget from node_modules, served like htmx: under
 * /static (no session lookup), cached for a year under a versioned path. Only these files, nothing else.
 */
export function registerBookingAssets(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/static/booking/:version/:file', { schema: { hide: true, params: z.object({ version: z.string().max(20), file: z.string().max(40) }) } }, async (req, reply) => {
    const name = req.params.file as Name;
    if (!Object.hasOwn(files, name)) throw new AppError('not_found');
    const current = req.params.version === version;
    return reply
      .type(files[name].type)
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(contents[name]);
  });
}
