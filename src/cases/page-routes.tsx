import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentRequirements } from '../applications/required-documents.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { registerUploadParser } from '../platform/storage/upload-parser.ts';
import { actorScope } from '../units/scope.ts';
import { CaseActionBody } from './inputs.ts';
import { availableActions } from './available-actions.ts';
import { authorizeRole, caseFor } from './case-access.ts';
import { actionFromForm } from './case-form.ts';
import { PHOTO_MAX_BYTES } from './capture-biometrics.ts';
import { performCaseAction } from './perform-case-action.ts';
import { rejectionOf, viewCase } from './view-case.ts';
import { listDeferralReasons } from './list-deferral-reasons.ts';
import { CasePage, type CaseFormState } from './views/case-page.tsx';
import { RejectionReceiptPage } from './views/rejection-receipt.tsx';

const Params = z.object({ id: z.uuid() });
const FormBody = z.record(z.string(), z.unknown()).transform(actionFromForm).pipe(CaseActionBody);
/** What a refused form sends back to its fields: text only, never the uploaded photo. */
const shownValues = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).filter(
      ([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    ),
  );

/**
 * The form as the officer filled it in. Validation replaces the body with the action it parses to (field names
 * gone), so a step the use case refuses would come back empty: the fields are kept before validation runs.
 */
const sentForms = new WeakMap<FastifyRequest, Record<string, unknown>>();
const keepSentForm = async (req: FastifyRequest) => {
  if (req.body && typeof req.body === 'object') sentForms.set(req, { ...(req.body as Record<string, unknown>) });
};

/** The fingerprint scanner a workstation uses: remembered from the last capture there and offered again. */
const DEVICE_COOKIE = 'fp_device';
const Device = z.string().trim().min(1).max(100);

/** The officer's case page: the applicant, the history, and the form for the next step; and the rejection receipt. */
export async function registerCasePages(fastify: FastifyInstance): Promise<void> {
  const db = () => fastify.deps.database.db;
  const { storage } = fastify.deps;

  const casePage = async (req: FastifyRequest, reply: FastifyReply, state: CaseFormState, status = 200) => {
    const id = (req.params as { id: string }).id;
    const { actor } = await caseFor(db(), req, id, 'case.view');
    // A sent-back interview form: its sponsor may be under a warning the note did not show yet (interview-applicant.ts).
    const sponsor = state.step === 'interview' ? state.values?.sponsor : undefined;
    const sponsors = typeof sponsor === 'string' && sponsor.trim() ? [sponsor.trim()] : [];
    const view = await db().transaction((tx) => viewCase(tx, callerOf(req, actor), id, { sponsors }));
    const today = witaDate();
    const actions = availableActions(actor, view.application, await actorScope(db(), actor));
    const requirements = documentRequirements(view.application, today);
    const device = Device.safeParse(req.cookies[DEVICE_COOKIE]);
    return reply.page(
      <CasePage
        ctx={reply.ctx()}
        view={view}
        actions={actions}
        requirements={requirements}
        state={state}
        rejected={!!rejectionOf(view.application, view.history)}
        remembered={{ device: device.success ? device.data : undefined }}
        reasons={await listDeferralReasons(db(), { all: true })}
      />,
      status,
    );
  };

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const caseLookUp = {
    action: 'case.view',
    targetType: 'application',
    target: (req: FastifyRequest) => (req.params as { id?: string }).id,
  };
  app.get(
    '/officer/cases/:id',
    { schema: { hide: true, params: Params }, config: { auditRefusals: caseLookUp } },
    (req, reply) => casePage(req, reply, {}),
  );

  app.get(
    '/officer/cases/:id/rejection-receipt',
    { schema: { hide: true, params: Params }, config: { auditRefusals: caseLookUp } },
    async (req, reply) => {
      const { actor } = await caseFor(db(), req, req.params.id, 'case.view');
      const view = await db().transaction((tx) => viewCase(tx, callerOf(req, actor), req.params.id));
      const receipt = rejectionOf(view.application, view.history);
      if (!receipt) throw new AppError('not_found');
      return reply.page(
        <RejectionReceiptPage ctx={reply.ctx()} receipt={receipt} unitCode={view.application.unitCode} />,
      );
    },
  );

  // The biometrics form sends its photo as multipart; the other forms are plain, and both arrive here.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, PHOTO_MAX_BYTES);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/officer/cases/:id/actions',
      {
        schema: { hide: true, params: Params, body: FormBody },
        preValidation: keepSentForm,
        config: {
          errorPage: (req, reply, error, fields) => {
            // A refused officer gets the refusal, not a page they may not see (or a not-found for a case they cannot act on).
            if (error.status === 403) throw error;
            const body = sentForms.get(req) ?? ((req.body ?? {}) as Record<string, unknown>);
            const step = typeof body.type === 'string' ? body.type : undefined;
            return casePage(
              req,
              reply,
              { step, values: shownValues(body), errors: formErrors(req.t, error, fields) },
              error.status,
            );
          },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        authorizeRole(actor, req.body.type);
        const services = { storage, publicUrl: fastify.deps.config.publicUrl };
        await db().transaction((tx) =>
          performCaseAction(
            tx,
            { ...callerOf(req, actor), actor },
            { applicationId: req.params.id, body: req.body },
            services,
          ),
        );
        if (req.body.type === 'capture_biometrics') {
          const cookie = {
            path: '/officer/cases',
            maxAge: 180 * 86_400,
            httpOnly: true,
            sameSite: 'lax' as const,
            secure: fastify.deps.config.secureCookies,
          };
          reply.setCookie(DEVICE_COOKIE, req.body.fingerprints.device, cookie);
        }
        return reply.redirect(`/officer/cases/${req.params.id}`, 303);
      },
    );
  });
}
