import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import { confirmDocuments } from './required-documents.ts';
import { saveDraftStep } from './save-draft-step.ts';
import { submitApplication } from './submit-application.ts';
import { openDraftAt, showCheck, showStep, type WizardDeps } from './wizard-pages.tsx';
import { stepBodies } from './wizard-inputs.ts';
import { answersOf, nextStep, stepPath, wizardSteps, type WizardStep } from './wizard-steps.ts';
import { csrfField } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const ChangeQuery = z.object({ change: z.literal('1').optional() });
const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
const sent = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The wizard: GET and POST for each page (each with its own body schema), the check page, and submission. */
export function registerWizardRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps: WizardDeps = { db: () => app.deps.database.db, config: app.deps.config };
  const check = (id: string) => `/applications/${id}/check`;

  for (const step of wizardSteps) {
    app.get(
      `/applications/:id/steps/${step}`,
      { schema: { hide: true, params: Params, querystring: ChangeQuery } },
      (req, reply) => showStep(deps, req, reply, req.params.id, step),
    );
    app.post(
      `/applications/:id/steps/${step}`,
      {
        schema: { hide: true, params: Params, querystring: ChangeQuery, body: stepBodies[step] },
        config: {
          errorPage: (req, reply, error, fields) =>
            showStep(deps, req, reply, idOf(req), step, {
              values: sent(req),
              errors: formErrors(req.t, error, fields),
              status: error.status,
            }),
        },
      },
      async (req, reply) => {
        const id = req.params.id;
        const opened = await openDraftAt(deps, req, id, step);
        if (opened.redirect) return reply.redirect(opened.redirect, 303);
        const body = req.body as Record<string, unknown>;
        // The region picker's "show the next choices" button, without JavaScript: the same page, nothing saved.
        if (body._refresh) return showStep(deps, req, reply, id, step, { values: sent(req) });
        if (step === 'documents') await confirmDocuments(deps.db(), opened.application, witaDate());
        else
          await deps
            .db()
            .transaction((tx) =>
              saveDraftStep(
                tx,
                callerOf(req, opened.actor),
                { applicationId: id, step, answers: answersOf(step, body) },
                deps.config.booking,
              ),
            );
        const next: WizardStep | null = nextStep(step);
        return reply.redirect(req.query.change || !next ? check(id) : stepPath(id, next), 303);
      },
    );
  }

  app.get('/applications/:id/check', { schema: { hide: true, params: Params } }, (req, reply) =>
    showCheck(deps, req, reply, req.params.id),
  );
  app.post(
    '/applications/:id/submit',
    {
      schema: { hide: true, params: Params, body: z.object(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          showCheck(deps, req, reply, idOf(req), { errors: formErrors(req.t, error, fields), status: error.status }),
      },
    },
    async (req, reply) => {
      const opened = await openDraftAt(deps, req, req.params.id, 'check');
      if (opened.redirect) return reply.redirect(opened.redirect, 303);
      await deps
        .db()
        .transaction((tx) =>
          submitApplication(tx, callerOf(req, opened.actor), { applicationId: req.params.id }, deps.config.booking),
        );
      return reply.redirect(`/applications/${req.params.id}/submitted`, 303);
    },
  );
}
