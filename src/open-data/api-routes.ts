import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvText } from '../platform/http/csv.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { buildCatalog } from './catalog.ts';
import { columnTypes, findDataset, sources } from './datasets.ts';
import { DataRequestError, columnText, parseYear, readDataset, thisYear } from './read-dataset.ts';

const DataQuery = z.object({
  year: z.string().max(20).optional().describe('calendar year, from 2024; this year when left out'),
  unit: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined)
    .describe('a unit code: rows of that unit and the units below it (datasets with a unit_code column)'),
});
const Params = z.object({ id: z.string().max(60).describe('the dataset’s stable id, as in /data/catalog.json') });
const Both = z.object({ id: z.string(), en: z.string() });

const DatasetJson = z.object({
  dataset: z.string(),
  year: z.number().int(),
  unit: z.string().nullable(),
  generatedAt: z
    .string()
    .describe(
      'ISO 8601 instant the rows were counted: at most FIGURES_MAX_AGE_SECONDS (5 minutes) ago, a day for past years',
    ),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(columnTypes),
      unit: z.string().nullable().describe('what a count counts: people, passports, complaints, days, score…'),
      nullable: z.boolean(),
      smallCountRule: z.boolean().describe('a count of people: the small-count rule applies to it'),
      description: Both,
    }),
  ),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

const Distribution = z.object({
  format: z.enum(['csv', 'json']),
  mediaType: z.string(),
  accessURL: z.string(),
  yearParameter: z.string(),
});
const Publisher = z.object({ name: Both, homepage: z.string() });
const CatalogJson = z.object({
  title: Both,
  description: Both,
  homepage: z.string(),
  publisher: Publisher,
  license: z.string(),
  modified: z.string(),
  datasets: z.array(
    z.object({
      id: z.string(),
      title: Both,
      description: Both,
      smallCountRule: Both,
      landingPage: z.string(),
      source: z.enum(sources),
      accrualPeriodicity: z.enum(['daily', 'monthly']),
      temporal: z.object({ firstYear: z.number(), lastYear: z.number() }),
      license: z.string(),
      publisher: Publisher,
      modified: z.string(),
      distributions: z.array(Distribution),
    }),
  ),
});

/**
 * Public data may sit in caches until the published report it comes from is as old as a report may be
 * (FIGURES_MAX_AGE_SECONDS this year, a day for past years), so a cached copy is never older than the report would
 * be. The words are in both languages, so one copy serves every reader.
 */
function cacheFor(year: number, computedAt: Date, maxAgeSeconds: number): string {
  const maxAge = year === thisYear() ? maxAgeSeconds : 86_400;
  const left = Math.floor(maxAge - (Date.now() - computedAt.getTime()) / 1000);
  return left > 0 ? `public, max-age=${left}` : 'no-cache';
}

/** Refusals in the format asked for (these URLs are not under /api, so the usual error pages would be HTML). */
function refuse(reply: FastifyReply, format: 'csv' | 'json', message: string, field?: string) {
  reply.code(field ? 400 : 404).header('cache-control', 'no-store');
  if (format === 'csv') return reply.type('text/plain; charset=utf-8').send(`${message}\n`);
  const error = field
    ? { code: 'validation_failed', message, fields: { [field]: message } }
    : { code: 'not_found', message };
  return reply.send({ error });
}

/** The CSV, JSON and catalogue of the open data: public, counts only. */
export function registerOpenDataFiles(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Read where reports read (DATABASE_READ_URL's standby, else the primary); a fresh report is stored on the primary.
  const dbs = () => ({ read: app.deps.database.readDb, write: app.deps.database.db });

  /** A dataset's protected rows, or the refusal already sent. */
  async function rowsFor(
    req: { params: z.infer<typeof Params>; query: z.infer<typeof DataQuery>; t: FastifyRequest['t'] },
    reply: FastifyReply,
    format: 'csv' | 'json',
  ) {
    const dataset = findDataset(req.params.id);
    if (!dataset) return { refused: refuse(reply, format, req.t('errors.not_found')) };
    try {
      const year = parseYear(req.query.year);
      const maxAge = app.deps.config.figuresMaxAgeSeconds;
      const { rows, computedAt } = await readDataset(dbs(), dataset, { year, unit: req.query.unit }, maxAge);
      reply.header('cache-control', cacheFor(year, computedAt, maxAge));
      return { dataset, year, rows, computedAt };
    } catch (err) {
      if (!(err instanceof DataRequestError)) throw err;
      return { refused: refuse(reply, format, req.t(err.key, err.params), err.field) };
    }
  }

  app.get(
    '/data/catalog.json',
    {
      schema: {
        tags: ['open-data'],
        summary: 'The catalogue of the open data (DCAT-like): every dataset, its distributions, licence and publisher',
        response: { 200: CatalogJson },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return buildCatalog(app.deps.config.publicUrl);
    },
  );

  app.get(
    '/data/:id.json',
    {
      schema: {
        tags: ['open-data'],
        summary: 'A dataset’s rows for a year with its column dictionary; small counts of people grouped or left out',
        params: Params,
        querystring: DataQuery,
        response: { 200: DatasetJson, 400: ErrorJson, 404: ErrorJson },
      },
    },
    async (req, reply) => {
      const read = await rowsFor(req, reply, 'json');
      if ('refused' in read) return read.refused;
      return {
        dataset: read.dataset.id,
        year: read.year,
        unit: req.query.unit ?? null,
        generatedAt: read.computedAt.toISOString(),
        columns: columnText(read.dataset).map((c) => ({
          name: c.name,
          type: c.type,
          unit: c.unit ?? null,
          nullable: c.nullable ?? false,
          smallCountRule: c.people ?? false,
          description: c.description,
        })),
        rows: read.rows,
      };
    },
  );

  app.get('/data/:id.csv', { schema: { hide: true, params: Params, querystring: DataQuery } }, async (req, reply) => {
    const read = await rowsFor(req, reply, 'csv');
    if ('refused' in read) return read.refused;
    const names = read.dataset.columns.map((c) => c.name);
    const unit = req.query.unit ? `-${req.query.unit}` : '';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${read.dataset.id}-${read.year}${unit}.csv"`)
      .send(
        csvText(
          names,
          read.rows.map((r) => names.map((n) => r[n] ?? null)),
        ),
      );
  });
}
