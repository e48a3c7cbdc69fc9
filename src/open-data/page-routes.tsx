import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../platform/errors.ts';
import { datasets, findDataset } from './datasets.ts';
import { openYears, thisYear } from './read-dataset.ts';
import { DatasetPage } from './views/dataset-page.tsx';
import { IndexPage } from './views/index-page.tsx';

/** The index and a page per dataset: public, in the reader's language, no JavaScript. */
export function registerOpenDataPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/data', { schema: { hide: true } }, async (_req, reply) =>
    reply.page(<IndexPage ctx={reply.ctx()} datasets={datasets} year={thisYear()} />),
  );

  app.get('/data/:id', { schema: { hide: true, params: z.object({ id: z.string().max(60) }) } }, async (req, reply) => {
    const dataset = findDataset(req.params.id);
    if (!dataset) throw notFound();
    return reply.page(<DatasetPage ctx={reply.ctx()} dataset={dataset} years={openYears()} />);
  });
}
