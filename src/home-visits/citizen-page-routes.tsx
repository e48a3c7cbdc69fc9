import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { regionOptions } from '../regions/region-options.ts';
import { listUnits } from '../units/list-units.ts';
import { addVisitEvidence } from './add-visit-evidence.ts';
import { mayAddEvidence } from './available-actions.ts';
import { visitOfRequester } from './get-home-visit.ts';
import { HomeVisitBody } from './inputs.ts';
import { requestHomeVisit } from './request-home-visit.ts';
import { visitHistory } from './visit-actions.ts';
import { AboutPage } from './views/about-page.tsx';
import { placePickerName, RequestPage } from './views/request-page.tsx';
import { StatusPage } from './views/status-page.tsx';
import { csrfField } from '../platform/http/fields.ts';

const loose = z.string().max(1000, 'v.tooLong').optional();
const pageFields = [
  'requestId',
  'requesterRelation',
  'applicantName',
  'applicantNik',
  'applicantBirthDate',
  'reason',
  'reasonDetails',
  'placeKind',
  'address',
  'unitCode',
  'preferredDate1',
  'preferredDate2',
  'preferredDate3',
];
const levels = ['province', 'regency', 'district', 'village'] as const;
/** The page's body as sent; the request's rules are HomeVisitBody's, applied once the picker is complete. */
const RequestPageBody = z.object({
  ...csrfField,
  /** Set by the region picker's "show the next choices" button (no JavaScript): show the page again, save nothing. */
  _refresh: z.string().max(20).optional(),
  ...Object.fromEntries([...pageFields, ...levels.map((l) => `${placePickerName}_${l}`)].map((f) => [f, loose])),
});
const CodeParams = z.object({ trackingCode: z.string().min(4).max(20) });

/** The page's fields as the API's request. */
function toRequest(body: Record<string, string | undefined>) {
  return {
    ...Object.fromEntries(
      pageFields.filter((f) => !f.startsWith('preferredDate')).map((f) => [f, body[f] || undefined]),
    ),
    villageCode: body[`${placePickerName}_village`] || undefined,
    preferredDates: [body.preferredDate1, body.preferredDate2, body.preferredDate3].filter((d): d is string => !!d),
  };
}

/** Errors of the request's fields shown where the page asks them: the picker, the first date. */
const onPage = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k === 'villageCode' ? placePickerName : k === 'preferredDates' ? 'preferredDate1' : k,
      v,
    ]),
  );

/** A signed-in citizen: officers do not ask for visits on someone's behalf through this page. */
function requireCitizen(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.kind !== 'citizen') throw new AppError('forbidden');
  return actor;
}

/** The service's page and the requester's pages: the request form, the status page (with the confirmation) and the evidence upload. */
export async function registerHomeVisitPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;

  const requestPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    requireCitizen(req);
    const values = state.values ?? {};
    const pick = (level: string) => {
      const v = values[`${placePickerName}_${level}`];
      return typeof v === 'string' && v ? v : undefined;
    };
    const region = await regionOptions(db(), {
      province: pick('province'),
      regency: pick('regency'),
      district: pick('district'),
      village: pick('village'),
    });
    const units = (await listUnits(db())).filter((u) => u.services.includes('koe_peduli'));
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    return reply.page(
      <RequestPage ctx={reply.ctx()} state={state} units={units} region={region} requestId={requestId} />,
      status,
    );
  };
  const sentValues = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

  // The service's page, open to everyone: who may ask, how, what happens next; it leads to the request form.
  app.get('/si-koe-peduli', { schema: { hide: true } }, async (_req, reply) => {
    const units = (await listUnits(db())).filter((u) => u.services.includes('koe_peduli'));
    return reply.page(<AboutPage ctx={reply.ctx()} units={units} />);
  });

  app.get('/si-koe-peduli/ajukan', { schema: { hide: true } }, (req, reply) =>
    requestPage(req, reply, { values: { requesterRelation: 'self', placeKind: 'home' } }),
  );

  app.post(
    '/si-koe-peduli/ajukan',
    {
      schema: { hide: true, body: RequestPageBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          requestPage(
            req,
            reply,
            { values: sentValues(req), errors: onPage(formErrors(req.t, error, fields)) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = requireCitizen(req);
      const body = req.body as Record<string, string | undefined>;
      if (body._refresh) return requestPage(req, reply, { values: body });
      const parsed = HomeVisitBody.safeParse(toRequest(body));
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues)
          fields[String(issue.path[0])] ??=
            issue.message.startsWith('v.') || issue.message.startsWith('homeVisits.') ? issue.message : 'v.invalid';
        throw new AppError('validation_failed', fields);
      }
      const { trackingCode } = await db().transaction((tx) => requestHomeVisit(tx, callerOf(req, actor), parsed.data));
      return reply.redirect(`/si-koe-peduli/${trackingCode}?sent=1`, 303);
    },
  );

  const statusPage = async (req: FastifyRequest, reply: FastifyReply, evidenceState: FormState, status = 200) => {
    const actor = requireActor(req);
    const visit = await visitOfRequester(db(), actor, (req.params as { trackingCode: string }).trackingCode);
    const sent = (req.query as { sent?: string } | undefined)?.sent === '1';
    const history = await visitHistory(db(), visit.id);
    return reply.page(
      <StatusPage
        ctx={reply.ctx()}
        visit={visit}
        history={history}
        sent={sent}
        mayAddEvidence={mayAddEvidence(visit)}
        evidenceState={evidenceState}
        maxBytes={config.uploadMaxBytes}
      />,
      status,
    );
  };

  app.get(
    '/si-koe-peduli/:trackingCode',
    { schema: { hide: true, params: CodeParams, querystring: z.object({ sent: z.literal('1').optional() }) } },
    (req, reply) => statusPage(req, reply, {}),
  );

  // Multipart bodies are accepted here only; every other route keeps the platform's body limit.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, config.uploadMaxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/si-koe-peduli/:trackingCode/bukti',
      {
        schema: {
          hide: true,
          params: CodeParams,
          body: z.object({ ...csrfField, file: uploadedFileField }),
        },
        config: {
          errorPage: (req, reply, error, fields) =>
            statusPage(req, reply, { errors: formErrors(req.t, error, fields) }, error.status),
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const visit = await visitOfRequester(db(), actor, req.params.trackingCode);
        await db().transaction((tx) =>
          addVisitEvidence(tx, callerOf(req, actor), { visit, file: req.body.file }, storage),
        );
        return reply.redirect(`/si-koe-peduli/${visit.trackingCode}`, 303);
      },
    );
  });
}
