import { officerAtUnit } from '../units/officer-at-unit.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateField } from '../platform/http/fields.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { enterPaperSurvey } from './enter-paper-survey.ts';
import { ikmReport } from './ikm-report.ts';
import { renderIkmPdf } from './ikm-pdf.ts';
import { renderIkmXlsx } from './ikm-xlsx.ts';
import { authorize, can, type SurveyAction } from './policy.ts';
import { surveyServices } from './schema.ts';
import { PaperSurveyForm, periodRule, SurveyAnswersJson, validPeriod } from './inputs.ts';
import { OfficerSurveysPage } from './views/officer-surveys-page.tsx';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const optional = <T extends z.ZodType>(field: T) =>
  z.union([z.literal('').transform(() => undefined), field]).optional();
/** The report's period: this calendar year (WITA) until today unless chosen; an optional population of people served. */
const ReportQuery = z
  .object({
    from: isoDateField.default(() => `${witaDate().slice(0, 4)}-01-01`),
    to: isoDateField.default(() => witaDate()),
    service: optional(z.enum(surveyServices)),
    population: optional(
      z
        .string()
        .regex(/^\d{1,7}$/, 'v.number')
        .transform(Number),
    ),
  })
  .refine(validPeriod, periodRule);
type ReportQueryOut = z.output<typeof ReportQuery>;

const fileName = (code: string, q: ReportQueryOut, ext: string) =>
  `ikm-${code}-${q.from}-${q.to}.${ext}`.replace(/[^\w.-]/g, '_');

/** A unit's survey pages: its IKM with the PDF and Excel reports, and paper questionnaires typed in by the counter. */
export function registerSurveyOfficerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const officerFor = (req: FastifyRequest, action: SurveyAction) => officerAtUnit(db(), req, authorize, action);
  const reportFor = (code: string, q: ReportQueryOut) =>
    ikmReport(db(), { unitCode: code, from: q.from, to: q.to, service: q.service, population: q.population });

  const surveysPage = async (req: FastifyRequest, reply: FastifyReply, entry: FormState, status = 200) => {
    const { actor, scope } = await officerFor(req, 'ikm.view');
    const code = (req.params as { code: string }).code;
    const query = req.method === 'GET' ? (req.query as ReportQueryOut) : ReportQuery.parse({});
    const report = await reportFor(code, query);
    const canEnter = can(actor, 'survey.enter', { unitCode: code, scope });
    const population = query.population === undefined ? '' : String(query.population);
    return reply.page(
      <OfficerSurveysPage
        ctx={reply.ctx()}
        report={report}
        population={population}
        canEnter={canEnter}
        entry={entry}
      />,
      status,
    );
  };

  app.get(
    '/officer/units/:code/surveys',
    { schema: { hide: true, params: UnitParams, querystring: ReportQuery } },
    (req, reply) => surveysPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/surveys',
    {
      schema: { hide: true, params: UnitParams, body: PaperSurveyForm },
      config: {
        // Only those who may enter see the form again: anyone else is refused whatever they sent.
        errorPage: async (req, reply, error, fields) => {
          await officerFor(req, 'survey.enter');
          return surveysPage(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const { actor } = await officerFor(req, 'survey.enter');
      await db().transaction((tx) =>
        enterPaperSurvey(tx, callerOf(req, actor), { unitCode: req.params.code, ...req.body }),
      );
      return reply.redirect(`/officer/units/${encodeURIComponent(req.params.code)}/surveys?saved=1`, 303);
    },
  );

  app.post(
    '/api/v1/units/:code/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Type in a paper questionnaire for the unit (its counter staff and head of office)',
        security: [{ bearer: [] }],
        params: UnitParams,
        body: SurveyAnswersJson.extend({ service: z.enum(surveyServices) }),
        response: { 201: z.object({ id: z.string() }), 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const { actor } = await officerFor(req, 'survey.enter');
      const { service, ...answers } = req.body;
      const saved = await db().transaction((tx) =>
        enterPaperSurvey(tx, callerOf(req, actor), { unitCode: req.params.code, service, answers }),
      );
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/officer/units/:code/ikm.pdf',
    { schema: { hide: true, params: UnitParams, querystring: ReportQuery } },
    async (req, reply) => {
      await officerFor(req, 'ikm.view');
      const pdf = await renderIkmPdf(await reportFor(req.params.code, req.query), req.t, reply.ctx().lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(req.params.code, req.query, 'pdf')}"`)
        .send(pdf);
    },
  );

  app.get(
    '/officer/units/:code/ikm.xlsx',
    { schema: { hide: true, params: UnitParams, querystring: ReportQuery } },
    async (req, reply) => {
      await officerFor(req, 'ikm.view');
      const xlsx = await renderIkmXlsx(await reportFor(req.params.code, req.query), req.t);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(req.params.code, req.query, 'xlsx')}"`)
        .send(xlsx);
    },
  );
}
