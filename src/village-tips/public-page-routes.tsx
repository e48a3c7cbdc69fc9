import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, optionalActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { regionOptions } from '../regions/region-options.ts';
import { regionLevels } from '../regions/views/region-picker.tsx';
import { fileTip } from './file-tip.ts';
import { followTip, tipOfHolder } from './follow-tip.ts';
import { TipBody } from './inputs.ts';
import { mayRecordAsPimpasa } from './policy.ts';
import { FiledPage, FilePage, tipFields, villagePicker } from './views/file-page.tsx';
import { FollowFormPage, FollowStatusPage } from './views/follow-page.tsx';

const loose = z.string().max(5000, 'v.tooLong').optional();
const pickerFields = regionLevels.map((l) => `${villagePicker}_${l}`);
const FilePageBody = z.object({
  ...csrfField,
  requestId: loose,
  /** Set by the region picker's "show the next choices" button (no JavaScript): show the page again, save nothing. */
  _refresh: z.string().max(20).optional(),
  ...Object.fromEntries([...tipFields.filter((f) => f !== 'villageCode'), ...pickerFields].map((f) => [f, loose])),
});
const Keys = z.object({
  ...csrfField,
  trackingCode: z.string().trim().max(40).default(''),
  secret: z.string().trim().max(60).default(''),
});

/** The page's fields as the API's request: empty inputs are absent, the picker's village is the village. */
function toInput(body: Record<string, unknown>) {
  const text = (f: string) => (typeof body[f] === 'string' && body[f] ? body[f] : undefined);
  const fields = ['requestId', 'channel', 'kind', 'description', 'subjectName', 'reporterName', 'reporterPhone'];
  return {
    ...Object.fromEntries(fields.map((f) => [f, text(f)])),
    reporterEmail: text('reporterEmail'),
    villageCode: text(`${villagePicker}_village`),
    anonymous: body.anonymous === '1',
  };
}

/**
 * A regency or kecamatan chosen without its village is refused on the picker rather than dropped: the village
 * decides the office (the adopting office, whose PIMPASA know it, may differ from the regency's), and the sender can
 * always name their own village. The province alone (preselected) is no choice.
 */
function partlyChosenArea(body: Record<string, unknown>): FieldErrors {
  const chosen = (level: string) =>
    typeof body[`${villagePicker}_${level}`] === 'string' && !!body[`${villagePicker}_${level}`];
  return !chosen('village') && (chosen('regency') || chosen('district'))
    ? { [villagePicker]: 'villageTips.v.pickVillage' }
    : {};
}

/** The village's error shows on its picker. */
const onPage = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'villageCode' ? villagePicker : k, v]));

/** The public pages: the short form (also for officers typing in a villager's tip), the receipt, following. */
export function registerTipPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const limited = { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } };

  const filePage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const values = state.values ?? {};
    const pick = (level: string) => {
      const v = values[`${villagePicker}_${level}`];
      return typeof v === 'string' && v ? v : undefined;
    };
    const region = await regionOptions(db(), {
      province: pick('province'),
      regency: pick('regency'),
      district: pick('district'),
      village: pick('village'),
    });
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    const officerEntry = mayRecordAsPimpasa(optionalActor(req));
    return reply.page(
      <FilePage ctx={reply.ctx()} state={state} region={region} requestId={requestId} officerEntry={officerEntry} />,
      status,
    );
  };

  // Nusa Tenggara Timur (53) preselected: the offices that read these tips are NTT's.
  app.get('/desa-binaan/lapor', { schema: { hide: true } }, (req, reply) =>
    filePage(req, reply, { values: { kind: 'question', [`${villagePicker}_province`]: '53' } }),
  );

  app.post(
    '/desa-binaan/lapor',
    {
      schema: { hide: true, body: FilePageBody },
      config: {
        ...limited,
        errorPage: (req, reply, error, fields) =>
          filePage(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: onPage(formErrors(req.t, error, fields)) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      if (req.body._refresh) return filePage(req, reply, { values: req.body });
      const parsed = TipBody.safeParse(toInput(req.body));
      const area = partlyChosenArea(req.body);
      if (!parsed.success || Object.keys(area).length > 0) {
        const fields: FieldErrors = { ...area };
        for (const issue of parsed.error?.issues ?? [])
          fields[String(issue.path[0])] ??= issue.message.startsWith('v.') ? issue.message : 'v.invalid';
        throw new AppError('validation_failed', fields);
      }
      const { trackingCode, secret } = await db().transaction((tx) => fileTip(tx, callerOf(req), parsed.data));
      reply.header('cache-control', 'no-store');
      return reply.page(<FiledPage ctx={reply.ctx()} trackingCode={trackingCode} secret={secret} />);
    },
  );

  app.get('/desa-binaan/lapor/lacak', { schema: { hide: true } }, (_req, reply) =>
    reply.page(<FollowFormPage ctx={reply.ctx()} state={{}} />),
  );

  app.post(
    '/desa-binaan/lapor/lacak',
    {
      schema: { hide: true, body: Keys },
      config: {
        ...limited,
        errorPage: (req, reply, error, fields) => {
          const { secret: _secret, ...values } = (req.body ?? {}) as Record<string, unknown>;
          const errors =
            error.code === 'not_found'
              ? { trackingCode: req.t('villageTips.notFound') }
              : formErrors(req.t, error, fields);
          return reply.page(<FollowFormPage ctx={reply.ctx()} state={{ values, errors }} />, error.status);
        },
      },
    },
    async (req, reply) => {
      const tip = await followTip(db(), await tipOfHolder(db(), req.body.trackingCode, req.body.secret));
      reply.header('cache-control', 'no-store');
      return reply.page(<FollowStatusPage ctx={reply.ctx()} tip={tip} />);
    },
  );
}
