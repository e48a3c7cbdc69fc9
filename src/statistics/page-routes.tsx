import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import { countIssuedPassports, latestIssuanceYear } from './count-issued-passports.ts';
import { issuedCsv } from './issued-csv.ts';
import { StatsPage } from './views/stats-page.tsx';

/** A month as "YYYY-MM"; a full date is taken as its month, since the counts are monthly. */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'v.invalid')
  .transform((v) => v.slice(0, 7))
  .optional();
const StatsQuery = z.object({
  from: z
    .union([z.literal(''), month])
    .optional()
    .transform((v) => v || undefined)
    .describe('first month, YYYY-MM (a date is taken as its month)'),
  to: z
    .union([z.literal(''), month])
    .optional()
    .transform((v) => v || undefined)
    .describe('last month, YYYY-MM'),
  unit: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined)
    .describe('a unit code: that unit and the units below it'),
});
type Query = z.infer<typeof StatsQuery>;

const CountsJson = { biasa: z.number(), elektronik: z.number(), total: z.number() };
const StatsJson = z.object({
  from: z.string(),
  to: z.string(),
  unitCode: z.string().nullable(),
  ...CountsJson,
  byUnit: z.array(z.object({ unitCode: z.string(), unitName: z.string(), ...CountsJson })),
  byMonth: z.array(z.object({ month: z.string(), ...CountsJson })),
});

/** The period asked for; when left out, the whole of the latest year anything was issued in. */
async function period(db: Executor, query: Query): Promise<{ from: string; to: string; unit?: string }> {
  const year = query.from?.slice(0, 4) ?? query.to?.slice(0, 4) ?? String(await latestIssuanceYear(db));
  return { from: query.from ?? `${year}-01`, to: query.to ?? `${year}-12`, unit: query.unit };
}

/** Public passport statistics: counts only, never anything about a person. */
export function registerStatisticsRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Figures read where reports read: DATABASE_READ_URL's standby, else the primary.
  const db = () => app.deps.database.readDb;

  const statsPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, status = 200) => {
    const query = (req.query ?? {}) as Record<string, string | undefined>;
    const units = await listUnits(db());
    if (errors)
      return reply.page(
        <StatsPage
          ctx={reply.ctx()}
          filters={{ from: query.from ?? '', to: query.to ?? '', unit: query.unit }}
          units={units}
          errors={errors}
        />,
        status,
      );
    const filters = await period(db(), req.query as Query);
    const stats = await countIssuedPassports(db(), { ...filters, maxAgeSeconds: app.deps.config.figuresMaxAgeSeconds });
    return reply.page(<StatsPage ctx={reply.ctx()} stats={stats} filters={filters} units={units} />);
  };

  app.get(
    '/statistik/paspor',
    {
      schema: { hide: true, querystring: StatsQuery },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.code !== 'validation_failed') throw error;
          return statsPage(req, reply, fields, error.status);
        },
      },
    },
    (req, reply) => statsPage(req, reply),
  );

  app.get('/statistik/paspor.csv', { schema: { hide: true, querystring: StatsQuery } }, async (req, reply) => {
    const filters = await period(db(), req.query);
    const stats = await countIssuedPassports(db(), { ...filters, maxAgeSeconds: app.deps.config.figuresMaxAgeSeconds });
    const name = `statistik-paspor-${filters.unit ?? 'ntt'}-${filters.from}-${filters.to}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(issuedCsv(stats));
  });

  app.get(
    '/api/v1/stats/passports',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Passports issued by type, unit and month (public, counts only); a unit includes the units below it',
        querystring: StatsQuery,
        response: { 200: StatsJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const { from, to, unitCode, biasa, elektronik, total, byUnit, byMonth } = await countIssuedPassports(db(), {
        ...(await period(db(), req.query)),
        maxAgeSeconds: app.deps.config.figuresMaxAgeSeconds,
      });
      return { from, to, unitCode, biasa, elektronik, total, byUnit, byMonth };
    },
  );
}
