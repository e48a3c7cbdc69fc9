import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { addWatchlistEntry } from './add-watchlist-entry.ts';
import { liftWatchlistEntry } from './lift-watchlist-entry.ts';
import { listWatchlist } from './list-watchlist.ts';
import { authorize, type WatchlistAction } from './policy.ts';
import { WatchlistPage } from './views/watchlist-page.tsx';
import { blankAsMissing, csrfField, requiredText } from '../platform/http/fields.ts';

const date = z.string().trim().refine(isIsoDate, 'v.date');
const nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'v.nikFormat');
const required = {
  fullName: z.string().trim().min(2, 'v.required').max(200, 'v.tooLong'),
  reason: z.string().trim().min(3, 'v.required').max(500, 'v.tooLong'),
  reference: requiredText(200),
};
const EntryFields = z.object({
  ...required,
  nik: nik.optional(),
  birthDate: date.optional(),
  validUntil: date.optional(),
});
const EntryForm = z.object({
  ...required,
  nik: blankAsMissing(nik),
  birthDate: blankAsMissing(date),
  validUntil: blankAsMissing(date),
});
const LiftFields = z.object({ reason: z.string().trim().min(3, 'v.required').max(500, 'v.tooLong') });
const IdParams = z.object({ id: z.uuid() });
const EntryJson = z.object({
  id: z.string(),
  nik: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  reason: z.string(),
  reference: z.string(),
  validUntil: z.string().nullable(),
  addedAt: z.date(),
  liftedAt: z.date().nullable(),
  liftReason: z.string().nullable(),
});
const pick = ({
  id,
  nik,
  fullName,
  birthDate,
  reason,
  reference,
  validUntil,
  addedAt,
  liftedAt,
  liftReason,
}: z.infer<typeof EntryJson>) => ({
  id,
  nik,
  fullName,
  birthDate,
  reason,
  reference,
  validUntil,
  addedAt,
  liftedAt,
  liftReason,
});

/** The prevention list's keepers' pages and API: list, add, lift. */
export function registerWatchlistRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const keeper = (req: FastifyRequest, action: WatchlistAction) => {
    const actor = requireActor(req);
    authorize(actor, action);
    return { ...callerOf(req, actor), actor };
  };

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { add?: FormState; lift?: FormState & { id?: string } },
    status = 200,
  ) => {
    const caller = keeper(req, 'watchlist.view');
    const showLifted = (req.query as { lifted?: string } | undefined)?.lifted === '1';
    const entries = await db().transaction((tx) => listWatchlist(tx, caller, { includeLifted: showLifted }));
    return reply.page(
      <WatchlistPage
        ctx={reply.ctx()}
        entries={entries}
        showLifted={showLifted}
        addState={forms.add ?? {}}
        liftState={forms.lift ?? {}}
      />,
      status,
    );
  };
  const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

  app.get(
    '/officer/watchlist',
    { schema: { hide: true, querystring: z.object({ lifted: z.literal('1').optional() }) } },
    (req, reply) => page(req, reply, {}),
  );

  app.post(
    '/officer/watchlist',
    {
      schema: { hide: true, body: EntryForm.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          page(req, reply, { add: { values: values(req), errors: formErrors(req.t, error, fields) } }, error.status),
      },
    },
    async (req, reply) => {
      const caller = keeper(req, 'watchlist.add');
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) => addWatchlistEntry(tx, caller, input));
      return reply.redirect('/officer/watchlist', 303);
    },
  );

  app.post(
    '/officer/watchlist/:id/lift',
    {
      schema: { hide: true, params: IdParams, body: LiftFields.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          page(
            req,
            reply,
            {
              lift: {
                id: (req.params as { id: string }).id,
                values: values(req),
                errors: formErrors(req.t, error, fields),
              },
            },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const caller = keeper(req, 'watchlist.lift');
      await db().transaction((tx) => liftWatchlistEntry(tx, caller, { id: req.params.id, reason: req.body.reason }));
      return reply.redirect('/officer/watchlist', 303);
    },
  );

  app.get(
    '/api/v1/watchlist',
    {
      schema: {
        tags: ['watchlist'],
        summary: 'The prevention list, newest first (heads of office and verifiers; every call is audited)',
        security: [{ bearer: [] }],
        querystring: z.object({ lifted: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(EntryJson), 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = keeper(req, 'watchlist.view');
      const entries = await db().transaction((tx) =>
        listWatchlist(tx, caller, { includeLifted: req.query.lifted === 'true' }),
      );
      return entries.map(pick);
    },
  );

  app.post(
    '/api/v1/watchlist',
    {
      schema: {
        tags: ['watchlist'],
        summary: 'List a person (NIK or birth date required, names match only with the birth date)',
        security: [{ bearer: [] }],
        body: EntryFields,
        response: { 201: EntryJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const caller = keeper(req, 'watchlist.add');
      const entry = await db().transaction((tx) => addWatchlistEntry(tx, caller, req.body));
      return reply.code(201).send(pick(entry));
    },
  );

  app.post(
    '/api/v1/watchlist/:id/lift',
    {
      schema: {
        tags: ['watchlist'],
        summary: 'Lift a listing, with the reason; the entry is kept',
        security: [{ bearer: [] }],
        params: IdParams,
        body: LiftFields,
        response: { 200: EntryJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = keeper(req, 'watchlist.lift');
      return pick(
        await db().transaction((tx) => liftWatchlistEntry(tx, caller, { id: req.params.id, reason: req.body.reason })),
      );
    },
  );
}
