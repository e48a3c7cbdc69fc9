import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, optionalActor } from '../platform/http/guards.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listUnits } from '../units/list-units.ts';
import { fileComplaint } from './file-complaint.ts';
import { holderActions } from './available-actions.ts';
import { complaintOfHolder, followComplaint } from './follow-complaint.ts';
import { ComplaintBody } from './inputs.ts';
import { roleMay } from './policy.ts';
import { rateComplaint } from './rate-complaint.ts';
import { reopenComplaint } from './reopen-complaint.ts';
import { FiledPage, filingFields, FilePage } from './views/file-page.tsx';
import { FollowFormPage, FollowStatusPage } from './views/follow-page.tsx';
import { csrfField } from '../platform/http/fields.ts';

const loose = z.string().max(5000, 'v.tooLong').optional();
const textFields = filingFields.filter((f) => f !== 'file');
const FilePageBody = z.object({
  ...csrfField,
  requestId: loose,
  ...Object.fromEntries(textFields.map((f) => [f, loose])),
  file: uploadedFileField.optional(),
});
const Keys = {
  ...csrfField,
  trackingCode: z.string().trim().max(40).default(''),
  secret: z.string().trim().max(60).default(''),
};

/** The page's fields as the API's request: empty inputs are absent, the box ticked is anonymity. */
function toInput(body: Record<string, unknown>) {
  const values = Object.fromEntries(
    ['requestId', ...textFields].map((f) => [f, typeof body[f] === 'string' && body[f] ? body[f] : undefined]),
  );
  return { ...values, anonymous: body.anonymous === '1' };
}

/** The public complaint pages: the form, the one-time confirmation, following with code and secret. */
export async function registerComplaintPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;
  const limited = { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } };

  const filePage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const units = (await listUnits(db())).filter((u) => u.state === 'active');
    const values = state.values ?? {};
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    const officerEntry = roleMay(optionalActor(req), 'complaint.record');
    return reply.page(
      <FilePage
        ctx={reply.ctx()}
        state={state}
        units={units}
        requestId={requestId}
        officerEntry={officerEntry}
        maxBytes={config.uploadMaxBytes}
      />,
      status,
    );
  };

  app.get('/pengaduan', { schema: { hide: true } }, (req, reply) =>
    filePage(req, reply, { values: { type: 'complaint' } }),
  );

  // Multipart bodies are accepted here only; every other route keeps the platform's body limit.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, config.uploadMaxBytes, { fields: 20, fieldSize: 6000 });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/pengaduan',
      {
        schema: { hide: true, body: FilePageBody },
        config: {
          ...limited,
          errorPage: (req, reply, error, fields) => {
            const { file: _file, ...values } = (req.body ?? {}) as Record<string, unknown>;
            return filePage(req, reply, { values, errors: formErrors(req.t, error, fields) }, error.status);
          },
        },
      },
      async (req, reply) => {
        const parsed = ComplaintBody.safeParse(toInput(req.body));
        if (!parsed.success) {
          const fields: FieldErrors = {};
          for (const issue of parsed.error.issues)
            fields[String(issue.path[0])] ??= issue.message.startsWith('v.') ? issue.message : 'v.invalid';
          throw new AppError('validation_failed', fields);
        }
        const files = req.body.file ? [req.body.file] : [];
        const { trackingCode, secret } = await db().transaction((tx) =>
          fileComplaint(tx, callerOf(req), { ...parsed.data, files }, storage),
        );
        reply.header('cache-control', 'no-store');
        return reply.page(<FiledPage ctx={reply.ctx()} trackingCode={trackingCode} secret={secret} />);
      },
    );
  });

  app.get('/pengaduan/lacak', { schema: { hide: true } }, (_req, reply) =>
    reply.page(<FollowFormPage ctx={reply.ctx()} state={{}} />),
  );

  const followForm = (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
    const { secret: _secret, ...values } = (req.body ?? {}) as Record<string, unknown>;
    const errors =
      error.code === 'not_found' ? { trackingCode: req.t('complaints.notFound') } : formErrors(req.t, error, fields);
    return reply.page(<FollowFormPage ctx={reply.ctx()} state={{ values, errors }} />, error.status);
  };

  /** The status page for the holder; the forms on it post the code and secret again (they never enter a URL). */
  const statusPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    keys: { trackingCode: string; secret: string },
    state: FormState = {},
    notice?: string,
    status = 200,
  ) => {
    const complaint = await complaintOfHolder(db(), keys.trackingCode, keys.secret);
    const followed = await followComplaint(db(), complaint);
    const may = await holderActions(db(), complaint);
    reply.header('cache-control', 'no-store');
    const page = (
      <FollowStatusPage
        ctx={reply.ctx()}
        complaint={followed}
        secret={keys.secret}
        mayReopen={may.reopen}
        mayRate={may.rate}
        satisfaction={complaint.satisfaction}
        state={state}
        notice={notice}
      />
    );
    return reply.page(page, status);
  };
  // A refused reopening or rating shows the status page again with the error, when the keys are right.
  const statusWithError = (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
    const body = (req.body ?? {}) as { trackingCode?: string; secret?: string };
    if (error.code === 'not_found') return followForm(req, reply, error, fields);
    return statusPage(
      req,
      reply,
      { trackingCode: body.trackingCode ?? '', secret: body.secret ?? '' },
      { values: body, errors: formErrors(req.t, error, fields) },
      undefined,
      error.status,
    );
  };

  app.post(
    '/pengaduan/lacak',
    { schema: { hide: true, body: z.object(Keys) }, config: { ...limited, errorPage: followForm } },
    (req, reply) => statusPage(req, reply, req.body),
  );

  app.post(
    '/pengaduan/lacak/buka-kembali',
    {
      schema: {
        hide: true,
        body: z.object({
          ...Keys,
          reason: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(2000, 'v.tooLong'),
        }),
      },
      config: { ...limited, errorPage: statusWithError },
    },
    async (req, reply) => {
      await db().transaction((tx) => reopenComplaint(tx, callerOf(req), req.body));
      return statusPage(req, reply, req.body, {}, req.t('complaints.reopened'));
    },
  );

  app.post(
    '/pengaduan/lacak/kepuasan',
    {
      schema: {
        hide: true,
        body: z.object({
          ...Keys,
          satisfaction: z.coerce.number({ error: 'v.choose' }).int('v.choose').min(1, 'v.choose').max(4, 'v.choose'),
        }),
      },
      config: { ...limited, errorPage: statusWithError },
    },
    async (req, reply) => {
      await db().transaction((tx) => rateComplaint(tx, callerOf(req), req.body));
      return statusPage(req, reply, req.body, {}, req.t('complaints.thanks'));
    },
  );
}
