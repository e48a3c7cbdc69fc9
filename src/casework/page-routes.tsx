import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationStatuses } from '../applications/application-statuses.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listUnits } from '../units/list-units.ts';
import { caseworkerOf } from './access.ts';
import { searchCases } from './search-cases.ts';
import { SearchPage } from './views/search-page.tsx';
import { WorkQueuePage } from './views/work-page.tsx';
import { listWorkQueue, type WorkFilters } from './work-queue.ts';
import { formText } from '../platform/http/fields.ts';

const blankAsMissing = (v: string | undefined) => (v ? v : undefined);
const flag = z
  .enum(['1', 'true', '0', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');
const WorkQuery = z.object({
  unit: z
    .string()
    .max(40)
    .optional()
    .transform(blankAsMissing)
    .describe('a unit in your scope (with the units below it)'),
  status: z
    .union([z.literal(''), z.enum(applicationStatuses)])
    .optional()
    .transform(blankAsMissing),
  mine: flag.describe('only cases you hold'),
  overdue: flag.describe('only cases past their due day'),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
const SearchQuery = z.object({ q: z.string().max(100).optional() });

const WorkJson = z.object({
  page: z.number(),
  hasNext: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      fullName: z.string().nullable(),
      status: z.string(),
      unitCode: z.string(),
      speed: z.string().nullable(),
      statusAt: z.date(),
      dueOn: z.string().nullable(),
      due: z.enum(['late', 'today', 'upcoming']).nullable(),
      workingDaysLate: z.number(),
      holder: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
const SearchJson = z.object({
  kind: z.enum(['nik', 'code', 'name']),
  truncated: z.boolean(),
  hits: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      fullName: z.string().nullable(),
      nik: z.string().nullable(),
      birthDate: z.string().nullable(),
      status: z.string(),
      unitCode: z.string(),
      statusAt: z.date(),
      passportNumber: z.string().nullable(),
    }),
  ),
});

/** A search someone may not run still leaves a trace; what was searched for is kept as for one that ran. */
const searchLookUp = {
  action: 'case.search',
  targetType: 'application',
  details: (req: FastifyRequest) => ({ query: formText((req.query as { q?: unknown }).q).slice(0, 100) }),
};

/** Officers' work queues and case search: pages and the same as JSON. */
export function registerCaseworkRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const unitsIn = async (scope: string[]) => (await listUnits(db())).filter((u) => scope.includes(u.code));

  app.get('/officer/work', { schema: { hide: true, querystring: WorkQuery } }, async (req, reply) => {
    const worker = await caseworkerOf(db(), req, 'take');
    const filters: WorkFilters = req.query;
    const work = await listWorkQueue(db(), worker, filters);
    return reply.page(
      <WorkQueuePage ctx={reply.ctx()} work={work} filters={filters} units={await unitsIn(worker.scope)} />,
    );
  });

  app.get(
    '/api/v1/work',
    {
      schema: {
        tags: ['cases'],
        summary:
          "The cases waiting for the caller's role in their scope: overdue first, then the longest waiting (25 a page)",
        security: [{ bearer: [] }],
        querystring: WorkQuery,
        response: { 200: WorkJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const worker = await caseworkerOf(db(), req, 'take');
      const { items, page, hasNext } = await listWorkQueue(db(), worker, req.query);
      return { items, page, hasNext };
    },
  );

  const searchPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const worker = await caseworkerOf(db(), req, 'case.search');
    const q = (req.query as { q?: string }).q?.trim();
    const result = q && !state.errors ? await searchCases(db(), callerOf(req, worker.actor), worker, q) : undefined;
    return reply.page(
      <SearchPage
        ctx={reply.ctx()}
        state={{ values: { q }, ...state }}
        result={result}
        units={await unitsIn(worker.scope)}
      />,
      status,
    );
  };

  app.get(
    '/officer/search',
    {
      schema: { hide: true, querystring: SearchQuery },
      config: {
        auditRefusals: searchLookUp,
        errorPage: (req, reply, error, fields) => searchPage(req, reply, { errors: fields }, error.status),
      },
    },
    (req, reply) => searchPage(req, reply, {}),
  );

  app.get(
    '/api/v1/cases/search',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Applications in your scope by name (prefix of the name or of each word), NIK, tracking code or passport number; audited',
        security: [{ bearer: [] }],
        querystring: z.object({ q: z.string().min(1).max(100) }),
        response: { 200: SearchJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
      config: { auditRefusals: searchLookUp },
    },
    async (req) => {
      const worker = await caseworkerOf(db(), req, 'case.search');
      return searchCases(db(), callerOf(req, worker.actor), worker, req.query.q);
    },
  );
}
