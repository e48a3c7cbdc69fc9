import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatDay } from '../platform/i18n/index.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import { registerUploadParser } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listRegencies } from '../regions/queries.ts';
import { regionOptions } from '../regions/region-options.ts';
import { listUnits } from '../units/list-units.ts';
import { DEFAULT_MINIMUM_PARTICIPANTS } from './minimums.ts';
import { formToRequest, SessionRequestForm } from './inputs.ts';
import { requestSession } from './request-session.ts';
import { sessionStatusByCode, upcomingSessions } from './session-queries.ts';
import { PublicListPage } from './views/public-list-page.tsx';
import { RequestPage, SentPage, StatusPage, venuePicker } from './views/request-page.tsx';

const CSV_MAX_BYTES = 512 * 1024;
const regencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'v.regency');
const values = (req: FastifyRequest) => {
  // A file never goes back into the form; everything else the person typed does.
  const { participantsFile: _file, ...rest } = (req.body ?? {}) as Record<string, unknown>;
  return rest;
};

/** The public Eazy Paspor pages: the schedule, the request form and the request's status. */
export async function registerOutreachPublicPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const dateText = (req: FastifyRequest) => (d: string) => formatDay(req.lang, d);

  const requestPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const v = state.values ?? {};
    const pick = (level: string) =>
      typeof v[`${venuePicker}_${level}`] === 'string' && v[`${venuePicker}_${level}`]
        ? String(v[`${venuePicker}_${level}`])
        : undefined;
    const region = await regionOptions(db(), {
      province: pick('province') ?? '53',
      regency: pick('regency'),
      district: pick('district'),
      village: pick('village'),
    });
    const units = (await listUnits(db())).filter((u) => u.services.includes('eazy_paspor'));
    return reply.page(
      <RequestPage
        ctx={reply.ctx()}
        state={state}
        units={units}
        region={region}
        minimum={DEFAULT_MINIMUM_PARTICIPANTS}
      />,
      status,
    );
  };

  app.get(
    '/eazy-paspor',
    { schema: { hide: true, querystring: z.object({ regency: z.union([regencyCode, z.literal('')]).optional() }) } },
    async (req, reply) => {
      const regency = req.query.regency || undefined;
      const [sessions, regencies] = await Promise.all([
        upcomingSessions(db(), witaDate(), regency),
        listRegencies(db(), '53'),
      ]);
      return reply.page(
        <PublicListPage
          ctx={reply.ctx()}
          sessions={sessions}
          regencies={regencies}
          regency={regency}
          dateText={dateText(req)}
        />,
      );
    },
  );

  app.get('/eazy-paspor/ajukan', { schema: { hide: true } }, (req, reply) =>
    requestPage(req, reply, { values: { requestId: crypto.randomUUID() } }),
  );

  await fastify.register(async (scope) => {
    registerUploadParser(scope, CSV_MAX_BYTES, { fields: 24, fieldSize: 200_000 });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/eazy-paspor/ajukan',
      {
        schema: { hide: true, body: SessionRequestForm },
        config: {
          rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 },
          errorPage: (req, reply, error, fields) => {
            const sent = values(req);
            // "Show choices" of the region picker without JavaScript: the same form, one level further, no errors yet.
            if (sent._refresh) return requestPage(req, reply, { values: sent });
            return requestPage(req, reply, { values: sent, errors: formErrors(req.t, error, fields) }, error.status);
          },
        },
      },
      async (req, reply) => {
        if (req.body._refresh) return requestPage(req, reply, { values: values(req) });
        const { trackingCode } = await db().transaction((tx) =>
          requestSession(tx, callerOf(req, null), formToRequest(req.body)),
        );
        return reply.redirect(`/eazy-paspor/ajukan/terkirim?code=${encodeURIComponent(trackingCode)}`, 303);
      },
    );
  });

  app.get(
    '/eazy-paspor/ajukan/terkirim',
    { schema: { hide: true, querystring: z.object({ code: z.string().trim().min(1).max(40) }) } },
    async (req, reply) => reply.page(<SentPage ctx={reply.ctx()} trackingCode={req.query.code} />),
  );

  app.get(
    '/eazy-paspor/status',
    {
      schema: { hide: true, querystring: z.object({ code: z.string().trim().max(40).optional() }) },
      config: { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const code = req.query.code ?? '';
      const result = code ? await sessionStatusByCode(db(), code) : null;
      return reply.page(
        <StatusPage ctx={reply.ctx()} code={code} result={result} dateText={dateText(req)} />,
        code && !result ? 404 : 200,
      );
    },
  );
}
