import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { desaBinaanLabels, desaBinaanSections } from './desa-binaan-figures.ts';
import { crossingCsv, desaBinaanCsv, foreignerCsv, oversightCsv } from './foreigner-csv.ts';
import { oversightSections } from './oversight-figures.ts';
import { transparencyCsv } from './transparency-csv.ts';
import { publishedReport } from './published-report.ts';
import { TransparencyPage } from './views/transparency-page.tsx';

/** The first year with figures: Sikoe's predecessors' passport counts start in 2024. */
const FIRST_YEAR = 2024;
const thisYear = () => Number(witaDate().slice(0, 4));
const YearQuery = z.object({
  year: z.coerce
    .number({ error: 'v.invalid' })
    .int('v.invalid')
    .min(FIRST_YEAR, 'v.invalid')
    .max(2100, 'v.invalid')
    // A year to come has no figures, and each asked for would be computed and stored.
    .refine((year) => year <= thisYear(), 'v.invalid')
    .optional()
    .describe('calendar year, up to this one; this year when left out'),
});

const FiguresJson = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  complaints: z.object({
    received: z.number(),
    resolved: z.number(),
    overdue: z.number(),
    medianDaysToFirstAnswer: z.number().nullable(),
    whistleblowing: z
      .number()
      .describe('whistle-blowing reports among them: counted in the region only, never per office'),
  }),
  ikm: z.object({
    respondents: z
      .number()
      .nullable()
      .describe('empty (with the index) for 1–2 respondents, and for the next smallest office beside such a one'),
    ikm: z.number().nullable(),
    converted: z.number().nullable(),
    category: z.string().nullable(),
  }),
  passports: z.object({ biasa: z.number(), elektronik: z.number(), total: z.number() }),
});

const count = z.number().int();
const people = count.nullable().describe('empty for 1–2 people beside larger counts; a row of only such is left out');
const ForeignerFiguresJson = z
  .object({
    permits: z.array(
      z.object({
        unitCode: z.string(),
        month: z.string(),
        type: z.string(),
        nationality: z.string().describe('ICAO code; OTHER adds up nationalities with fewer than 3 holders'),
        count,
      }),
    ),
    lodgingReports: z.array(z.object({ unitCode: z.string(), month: z.string(), reports: people, late: people })),
    overstays: z.array(
      z.object({ unitCode: z.string(), month: z.string(), overstays: people, paid: people, proposed: people }),
    ),
  })
  .describe('Stay permits (by the month they began), lodging reports and overstays per unit and month: counts only');

const OversightJson = z
  .object({
    section: z.enum(oversightSections),
    month: z.string().describe('YYYY-MM; for occupancy and refugees, the month of the day counted'),
    unitCode: z.string(),
    category: z
      .string()
      .describe(
        'the section’s breakdown: violation type, Article 75(2) action, release reason, block, men/women/children/other, refugee status; empty when none',
      ),
    nationality: z.string().describe('ICAO code where counted by nationality, OTHER for fewer than 3; else empty'),
    count,
  })
  .describe('Joint operations, administrative action, deportations, detention and refugees: counts only');

const DesaBinaanJson = z
  .object({
    section: z.enum(desaBinaanSections),
    unitCode: z.string(),
    regencyCode: z
      .string()
      .describe('Kemendagri regency code; empty when no village was named, OTHER adds up rows of fewer than 3'),
    category: z
      .string()
      .describe(
        'activities: the kind; tips: <kind>:<outcome or open>; deferrals: the reason code (GET /api/v1/deferral-reasons); else empty',
      ),
    count,
  })
  .describe(
    'Desa Binaan: adopted villages, activities, people reached, tips and interview deferrals (these two up to the last whole month, rows under 3 added up as OTHER, an OTHER under 3 left out): counts only',
  );

/** Public: counts, medians and indexes only, never a person. */
export function registerTransparencyRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Figures read where reports read (DATABASE_READ_URL's standby, else the primary); a fresh report is stored on the primary.
  const db = () => app.deps.database.readDb;
  const published = (year: number) =>
    publishedReport({ read: db(), write: app.deps.database.db }, year, app.deps.config.figuresMaxAgeSeconds);
  const years = () => Array.from({ length: thisYear() - FIRST_YEAR + 1 }, (_, i) => thisYear() - i);

  app.get('/transparansi', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    const labels = await desaBinaanLabels(db());
    return reply.page(<TransparencyPage ctx={reply.ctx()} report={report} labels={labels} years={years()} />);
  });

  app.get('/transparansi.csv', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transparansi-${report.year}.csv"`)
      .send(transparencyCsv(report));
  });

  app.get('/transparansi/orang-asing.csv', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transparansi-orang-asing-${report.year}.csv"`)
      .send(foreignerCsv(report.foreigners));
  });

  app.get('/transparansi/lintas-batas.csv', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transparansi-lintas-batas-${report.year}.csv"`)
      .send(crossingCsv(report.crossings));
  });

  app.get('/transparansi/pengawasan.csv', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transparansi-pengawasan-${report.year}.csv"`)
      .send(oversightCsv(report.oversight));
  });

  app.get('/transparansi/desa-binaan.csv', { schema: { hide: true, querystring: YearQuery } }, async (req, reply) => {
    const report = await published(req.query.year ?? thisYear());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transparansi-desa-binaan-${report.year}.csv"`)
      .send(desaBinaanCsv(report.desaBinaan));
  });

  app.get(
    '/api/v1/transparency',
    {
      schema: {
        tags: ['transparency'],
        summary:
          'Complaints, satisfaction (IKM) and passports issued for a year, for the region and each Kantor Imigrasi; stay permits, lodging reports and overstays per unit and month; border crossings per point and month; joint operations, administrative action, deportations, detention and refugees; Desa Binaan per office and regency',
        querystring: YearQuery,
        response: {
          200: z.object({
            year: z.number(),
            computedAt: z
              .string()
              .describe(
                'When these figures were computed: at most FIGURES_MAX_AGE_SECONDS (5 minutes) before the request, a day for past years',
              ),
            from: z.string(),
            to: z.string(),
            region: FiguresJson,
            units: z.array(FiguresJson),
            foreigners: ForeignerFiguresJson,
            crossings: z
              .array(
                z.object({
                  month: z.string(),
                  pointCode: z.string(),
                  direction: z.string(),
                  travellerKind: z.string(),
                  documentKind: z.string(),
                  count,
                }),
              )
              .describe('Border crossings that happened per month, point, direction, citizen/foreigner and document'),
            oversight: z.array(OversightJson),
            desaBinaan: z.array(DesaBinaanJson),
          }),
        },
      },
    },
    async (req) => {
      const report = await published(req.query.year ?? thisYear());
      return { ...report, computedAt: report.computedAt.toISOString() };
    },
  );
}
