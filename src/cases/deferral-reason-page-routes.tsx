import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { addDeferralReason } from './add-deferral-reason.ts';
import { authorizeReasonKeeper, keepsReasons } from './case-access.ts';
import { reasonCodeField, reasonNameField } from './inputs.ts';
import { getDeferralReason, listDeferralReasons } from './list-deferral-reasons.ts';
import { authorize } from './policy.ts';
import { updateDeferralReason } from './update-deferral-reason.ts';
import { DeferralReasonEditPage, DeferralReasonsPage } from './views/deferral-reasons-page.tsx';

const sortField = z
  .string()
  .trim()
  .regex(/^\d{1,4}$/, 'v.number')
  .transform(Number);
const ticked = z
  .literal('yes')
  .optional()
  .transform((v) => v === 'yes');
const AddForm = z.object({
  ...csrfField,
  code: reasonCodeField,
  nameId: reasonNameField,
  nameEn: reasonNameField,
  nonProcedural: ticked,
  sort: sortField,
});
const EditForm = z.object({
  ...csrfField,
  nameId: reasonNameField,
  nameEn: reasonNameField,
  sort: sortField,
  active: ticked,
});
const CodeParams = z.object({ code: reasonCodeField });
const sent = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const formState = (req: FastifyRequest, error: AppError, fields: Record<string, string>): FormState => ({
  values: sent(req),
  errors: formErrors(req.t, error, fields),
});

/**
 * The deferral reasons as a page: every officer who works cases reads them (retired ones included), the regional
 * office's admins add and change them (the API's POST and PATCH). No JavaScript: one form to add, one page per edit.
 */
export function registerDeferralReasonPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const keeperOnly = async (req: FastifyRequest) => authorizeReasonKeeper(db(), requireActor(req));

  const listPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    authorize(actor, 'deferral_reasons.read', { unitCode: null, scope: [] });
    const [reasons, keeps] = await Promise.all([listDeferralReasons(db(), { all: true }), keepsReasons(db(), actor)]);
    const shown = state.values ? state : { values: { sort: String((reasons.at(-1)?.sort ?? 0) + 10) } };
    return reply.page(<DeferralReasonsPage ctx={reply.ctx()} reasons={reasons} keeps={keeps} state={shown} />, status);
  };
  /** One reason: its form for those who keep the reasons, what it is for everyone else on cases. */
  const editPage = async (req: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) => {
    const actor = requireActor(req);
    authorize(actor, 'deferral_reasons.read', { unitCode: null, scope: [] });
    const reason = await getDeferralReason(db(), (req.params as { code: string }).code);
    const keeps = await keepsReasons(db(), actor);
    const shown = state ?? {
      values: { ...reason, sort: String(reason.sort), active: reason.active ? 'yes' : undefined },
    };
    return reply.page(<DeferralReasonEditPage ctx={reply.ctx()} reason={reason} keeps={keeps} state={shown} />, status);
  };

  app.get('/officer/deferral-reasons', { schema: { hide: true } }, (req, reply) => listPage(req, reply, {}));

  app.post(
    '/officer/deferral-reasons',
    {
      preValidation: keeperOnly,
      schema: { hide: true, body: AddForm },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.status === 403) throw error;
          return listPage(req, reply, formState(req, error, fields), error.status);
        },
      },
    },
    async (req, reply) => {
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) => addDeferralReason(tx, callerOf(req, requireActor(req)), input));
      return reply.redirect('/officer/deferral-reasons?saved=1', 303);
    },
  );

  app.get('/officer/deferral-reasons/:code', { schema: { hide: true, params: CodeParams } }, (req, reply) =>
    editPage(req, reply),
  );

  app.post(
    '/officer/deferral-reasons/:code',
    {
      preValidation: keeperOnly,
      schema: { hide: true, params: CodeParams, body: EditForm },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.status === 403) throw error;
          return editPage(req, reply, formState(req, error, fields), error.status);
        },
      },
    },
    async (req, reply) => {
      const { _csrf, ...change } = req.body;
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => updateDeferralReason(tx, caller, req.params.code, change));
      return reply.redirect('/officer/deferral-reasons?saved=1', 303);
    },
  );
}
