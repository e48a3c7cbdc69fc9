import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { projectRoot } from '../platform/paths.ts';

const file = path.join(projectRoot, 'src/appointments/assets/booking.css');
const css = fs.readFileSync(file);
const version = crypto.createHash('sha256').update(css).digest('hex').slice(0, 10);

export type BookingAssets = { css: string };
export const bookingAssets: BookingAssets = { css: `/static/booking/${version}/booking.css` };

/** The booking pages' own stylesheet, served like htmx: under /static (no session lookup), cached for a year. */
export function registerBookingAssets(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/static/booking/:version/booking.css',
    { schema: { hide: true, params: z.object({ version: z.string().max(20) }) } },
    async (req, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', req.params.version === version ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(css),
  );
}
