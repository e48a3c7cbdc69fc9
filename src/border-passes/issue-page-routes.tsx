import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { registerUploadParser } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { officerAtUnit } from '../units/officer-at-unit.ts';
import { eligibleVillageGroups } from './eligible-villages.ts';
import { IssuePageBody, NewPassQuery, UnitParams } from './inputs.ts';
import { issueBorderPass } from './issue-border-pass.ts';
import { PHOTO_MAX_BYTES, photoFields } from './pass-photos.ts';
import { authorize } from './policy.ts';
import { viewBorderPass } from './view-border-pass.ts';
import { IssuePage } from './views/issue-page.tsx';
import type { ReplacementStep } from './workflow.ts';

/** The holder's fields a renewal or replacement starts from: the old pass's, checked again on the new form. */
const carried = ['nik', 'fullName', 'birthPlace', 'birthDate', 'sex', 'address', 'villageCode'] as const;
const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** A pass the officer may not read, or that does not exist, is left off the form. */
const unseen = (err: unknown) => {
  if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'not_found')) return null;
  throw err;
};

/** The issuing form (multipart, two photos, no JavaScript needed), for a new pass, a renewal or a replacement. */
export async function registerBorderPassIssuePages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { storage } = app.deps;
  const db = () => app.deps.database.db;

  const issuePage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { actor } = await officerAtUnit(db(), req, authorize, 'border_pass.issue');
    const { code } = req.params as { code: string };
    const values = state.values ?? {};
    const replacesId = z.uuid().safeParse(values.replaces).data;
    const step = text(values.replaceStep) as ReplacementStep | undefined;
    // The posted id is the sender's word: the old pass is read as this officer may read it (audited), or not at all.
    const old =
      replacesId && step
        ? await db()
            .transaction((tx) => viewBorderPass(tx, callerOf(req, actor), replacesId))
            .then((view) => view.pass, unseen)
        : null;
    const requestId = text(values.requestId) ?? crypto.randomUUID();
    return reply.page(
      <IssuePage
        ctx={reply.ctx()}
        unitCode={code}
        state={state}
        villages={await eligibleVillageGroups(db(), witaDate())}
        requestId={requestId}
        replacing={old && step ? { id: old.id, number: old.number, step } : null}
      />,
      status,
    );
  };

  app.get(
    '/officer/units/:code/border-passes/new',
    { schema: { hide: true, params: UnitParams, querystring: NewPassQuery } },
    async (req, reply) => {
      const { actor } = await officerAtUnit(db(), req, authorize, 'border_pass.issue');
      const { replaces, step } = req.query;
      if (!replaces || !step) return issuePage(req, reply, { values: { channel: 'office' } });
      const { pass } = await db().transaction((tx) => viewBorderPass(tx, callerOf(req, actor), replaces));
      const values = Object.fromEntries(carried.map((f) => [f, pass[f]]));
      return issuePage(req, reply, { values: { ...values, channel: 'office', replaces, replaceStep: step } });
    },
  );

  await fastify.register(async (scope) => {
    registerUploadParser(scope, PHOTO_MAX_BYTES, { fields: 24, fieldSize: 2000 }, photoFields.length);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/officer/units/:code/border-passes/new',
      {
        schema: { hide: true, params: UnitParams, body: IssuePageBody },
        config: {
          errorPage: (req, reply, error, fields) => {
            if (error.status === 403) throw error;
            const values = (req.body ?? {}) as Record<string, unknown>;
            // A refused applicant's next form is a new request, not a resend of the refused one.
            const requestId = error.code === 'border_pass_refused' ? crypto.randomUUID() : values.requestId;
            const state = { values: { ...values, requestId }, errors: formErrors(req.t, error, fields) };
            return issuePage(req, reply, state, error.status);
          },
        },
      },
      async (req, reply) => {
        const { actor } = await officerAtUnit(db(), req, authorize, 'border_pass.issue');
        const { photo1, photo2, replaces, replaceStep, _csrf, ...holder } = req.body;
        const result = await transactionStoring(db(), storage, (tx, storage) =>
          issueBorderPass(
            tx,
            { ...callerOf(req, actor), actor },
            {
              ...holder,
              unitCode: req.params.code,
              photos: [photo1.bytes, photo2.bytes],
              replaces: replaces && replaceStep ? { passId: replaces, step: replaceStep } : null,
            },
            { storage },
          ),
        );
        if (result.kind === 'refused') throw new AppError('border_pass_refused');
        return reply.redirect(`/officer/units/${req.params.code}/border-passes/${result.pass.id}`, 303);
      },
    );
  });
}
