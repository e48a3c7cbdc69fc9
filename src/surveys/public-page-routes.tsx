import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { qrSvg } from '../platform/views/qr.ts';
import { isoDateField } from '../platform/http/fields.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { unitScope } from '../units/scope.ts';
import { answerSurvey } from './answer-survey.ts';
import { computeIkm, elementCodes, publishedIkm } from './compute-ikm.ts';
import { findSurveyToken } from './find-survey-token.ts';
import { surveyServices } from './schema.ts';
import { periodRule, SurveyAnswersJson, SurveyForm, validPeriod } from './inputs.ts';
import { SurveyDonePage, SurveyPage } from './views/survey-page.tsx';

const TokenParams = z.object({ token: z.string().min(10).max(64) });
export const IkmJson = z.object({
  respondents: z.number().int(),
  elements: z.array(z.object({ code: z.enum(elementCodes), mean: z.number() })),
  ikm: z.number().nullable(),
  converted: z.number().nullable().describe('IKM × 25 as published, to hundredths (e.g. 65 for 65.00)'),
  category: z.enum(['A', 'B', 'C', 'D']).nullable(),
  label: z.string().nullable().describe("The regulation's Indonesian quality label, e.g. 'Sangat Baik'"),
});

/** The one-time survey for people served (no account), its QR for the counter, and the public IKM figures. */
export function registerSurveyPublicRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const surveyPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { token } = req.params as { token: string };
    const found = await findSurveyToken(db(), token);
    if (found.usedAt)
      return reply.page(<SurveyDonePage ctx={reply.ctx()} kind="answered" />, status === 200 ? 200 : 409);
    const unit = await getUnit(db(), found.unitCode);
    return reply.page(
      <SurveyPage ctx={reply.ctx()} token={token} unitName={unit.name} service={found.service} state={state} />,
      status,
    );
  };

  app.get('/survei/:token', { schema: { hide: true, params: TokenParams } }, (req, reply) =>
    surveyPage(req, reply, {}),
  );

  app.post(
    '/survei/:token',
    {
      schema: { hide: true, params: TokenParams, body: SurveyForm },
      config: {
        errorPage: (req, reply, error, fields) =>
          error.code === 'already_answered'
            ? reply.page(<SurveyDonePage ctx={reply.ctx()} kind="answered" />, 409)
            : surveyPage(
                req,
                reply,
                { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
                error.status,
              ),
      },
    },
    async (req, reply) => {
      await db().transaction((tx) =>
        answerSurvey(tx, callerOf(req, null), { token: req.params.token, answers: req.body }),
      );
      return reply.page(<SurveyDonePage ctx={reply.ctx()} kind="thanks" />);
    },
  );

  app.get('/survei/:token/qr.svg', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    await findSurveyToken(db(), req.params.token);
    const url = `${app.deps.config.publicUrl.replace(/\/$/, '')}/survei/${req.params.token}`;
    const svg = await qrSvg(url);
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
  });

  app.post(
    '/api/v1/surveys/:token',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Answer a one-time satisfaction survey (no account): the 9 elements scored 1–4, an optional profile and comment',
        params: TokenParams,
        body: SurveyAnswersJson,
        response: { 201: z.object({ id: z.string() }), 404: ErrorJson, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const saved = await db().transaction((tx) =>
        answerSurvey(tx, callerOf(req, null), { token: req.params.token, answers: req.body }),
      );
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/v1/ikm',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'IKM (PermenPANRB 14/2017) of a unit and the units below it, or of every unit, for WITA days from…to: counts and means only',
        querystring: z
          .object({
            unit: z.string().min(1).max(40).optional(),
            service: z.enum(surveyServices).optional(),
            from: isoDateField,
            to: isoDateField,
          })
          .refine(validPeriod, periodRule),
        response: { 200: IkmJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const unitCodes = req.query.unit ? await unitScope(db(), (await getUnit(db(), req.query.unit)).code) : null;
      return publishedIkm(
        await computeIkm(db(), { unitCodes, service: req.query.service, from: req.query.from, to: req.query.to }),
      );
    },
  );
}
