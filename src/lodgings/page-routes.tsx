import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { regionOptions } from '../regions/region-options.ts';
import { regionLevels } from '../regions/views/region-picker.tsx';
import { listMembers, listMyLodgings, lodgingForMember, lodgingHistory } from './get-lodging.ts';
import { LodgingBody, LodgingParams, MemberBody, MemberParams } from './inputs.ts';
import { addLodgingMember, removeLodgingMember } from './manage-members.ts';
import { authorize } from './policy.ts';
import { registerLodging } from './register-lodging.ts';
import { LodgingPage } from './views/lodging-page.tsx';
import { MyLodgingsPage } from './views/my-lodgings-page.tsx';
import { registerFields, RegisterPage, villagePickerName } from './views/register-page.tsx';

const en = { defaultLang: 'en' } as const;
const loose = z.string().max(1000, 'v.tooLong').optional();
/** The page's body as sent; the registration's rules are LodgingBody's, applied once the picker is complete. */
const RegisterPageBody = z.object({
  ...csrfField,
  /** Set by the region picker's "show the next choices" button (no JavaScript): show the page again, save nothing. */
  _refresh: z.string().max(20).optional(),
  ...Object.fromEntries(
    ['requestId', ...registerFields, ...regionLevels.map((l) => `${villagePickerName}_${l}`)].map((f) => [f, loose]),
  ),
});

const sentValues = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
/** The registration's errors where the page asks: the village on its picker. */
const onPage = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'villageCode' ? villagePickerName : k, v]));

function requireRegistrant(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  authorize(actor, 'lodging.register');
  return actor;
}

/** A lodging's members' pages (English first): their lodgings, registration, the lodging's page and its reporters. */
export function registerLodgingPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const registerPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    requireRegistrant(req);
    const values = state.values ?? {};
    const pick = (level: string) => {
      const v = values[`${villagePickerName}_${level}`];
      return typeof v === 'string' && v ? v : undefined;
    };
    const region = await regionOptions(db(), {
      province: pick('province'),
      regency: pick('regency'),
      district: pick('district'),
      village: pick('village'),
    });
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    return reply.page(<RegisterPage ctx={reply.ctx()} state={state} region={region} requestId={requestId} />, status);
  };

  app.get('/lodgings', { schema: { hide: true }, config: en }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.page(<MyLodgingsPage ctx={reply.ctx()} lodgings={await listMyLodgings(db(), actor.id)} />);
  });

  // NTT is chosen already: almost every lodging that reports here is in it.
  app.get('/lodgings/register', { schema: { hide: true }, config: en }, (req, reply) =>
    registerPage(req, reply, { values: { [`${villagePickerName}_province`]: '53' } }),
  );

  app.post(
    '/lodgings/register',
    {
      schema: { hide: true, body: RegisterPageBody },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          registerPage(
            req,
            reply,
            { values: sentValues(req), errors: onPage(formErrors(req.t, error, fields)) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = requireRegistrant(req);
      const body = req.body as Record<string, string | undefined>;
      if (body._refresh) return registerPage(req, reply, { values: body });
      const parsed = LodgingBody.safeParse({
        ...Object.fromEntries(['requestId', ...registerFields].map((f) => [f, body[f] || undefined])),
        villageCode: body[`${villagePickerName}_village`] || undefined,
      });
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues)
          fields[String(issue.path[0])] ??= /^(v|lodgings)\./.test(issue.message) ? issue.message : 'v.invalid';
        throw new AppError('validation_failed', fields);
      }
      const lodging = await db().transaction((tx) => registerLodging(tx, callerOf(req, actor), parsed.data));
      return reply.redirect(`/lodgings/${lodging.id}`, 303);
    },
  );

  const lodgingPage = async (req: FastifyRequest, reply: FastifyReply, memberState: FormState, status = 200) => {
    const actor = requireActor(req);
    const id = (req.params as { id: string }).id;
    const { lodging, role } = await lodgingForMember(db(), actor, id);
    const [members, history] = await Promise.all([listMembers(db(), id), lodgingHistory(db(), id)]);
    return reply.page(
      <LodgingPage
        ctx={reply.ctx()}
        lodging={lodging}
        role={role}
        members={members}
        history={history}
        memberState={memberState}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/lodgings/:id', { schema: { hide: true, params: LodgingParams }, config: en }, (req, reply) =>
    lodgingPage(req, reply, {}),
  );

  app.post(
    '/lodgings/:id/members',
    {
      schema: { hide: true, params: LodgingParams, body: MemberBody.extend(csrfField) },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          lodgingPage(req, reply, { values: sentValues(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { email, requestId } = req.body;
      await db().transaction((tx) =>
        addLodgingMember(tx, callerOf(req, actor), { lodgingId: req.params.id, email, requestId }),
      );
      return reply.redirect(`/lodgings/${req.params.id}`, 303);
    },
  );

  app.post(
    '/lodgings/:id/members/:accountId/remove',
    { schema: { hide: true, params: MemberParams, body: z.object(csrfField) }, config: en },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) =>
        removeLodgingMember(tx, callerOf(req, actor), { lodgingId: req.params.id, accountId: req.params.accountId }),
      );
      return reply.redirect(`/lodgings/${req.params.id}`, 303);
    },
  );
}
