import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf } from '../platform/http/guards.ts';
import { registerEvaluationPages } from './evaluation-page-routes.tsx';
import { evaluatedUnits } from './evaluated-units.ts';
import {
  IndicatorPageBody,
  IndicatorQuery,
  OpenBody,
  TargetsPageBody,
  TargetsQuery,
  targetsFromForm,
} from './inputs.ts';
import { saveIndicator } from './save-indicator.ts';
import { AppError } from '../platform/errors.ts';
import { IndicatorFormPage } from './views/indicator-form-page.tsx';
import { listIndicators } from './list-indicators.ts';
import { openEvaluation } from './open-evaluation.ts';
import { base, pageTools, type Errors, type Values } from './page-tools.ts';
import { authorize, authorizeRole, roleMay } from './policy.ts';
import { setTargets, targetField, unitTargets } from './targets.ts';
import { listEvaluations } from './view-evaluation.ts';
import { CataloguePage } from './views/catalogue-page.tsx';
import { EvaluationsPage } from './views/evaluations-page.tsx';
import { TargetsPage } from './views/targets-page.tsx';

/** The performance pages: the catalogue, the targets, the semesters (each semester's pages in evaluation-page-routes). */
export async function registerPerformancePages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, viewerOf, shownAgain } = pageTools(fastify);

  const targetsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values?: Values,
    errors?: Errors,
    status = 200,
  ) => {
    const viewer = await viewerOf(req);
    authorizeRole(viewer, 'performance.targets');
    const units = await evaluatedUnits(db());
    const query = (values ?? (req.query as Values)) as { unitCode?: string; year?: string | number };
    const unitCode = units.some((u) => u.code === query.unitCode) ? query.unitCode! : (units[0]?.code ?? '');
    const year =
      Number(query.year) >= 2000 && Number(query.year) <= 2100 ? Number(query.year) : Number(witaDate().slice(0, 4));
    authorize(viewer, 'performance.targets', unitCode);
    const indicators = await listIndicators(db(), { activeOnly: true });
    const stored = await unitTargets(db(), unitCode, year);
    const shown =
      values ?? Object.fromEntries([...stored].map(([code, target]) => [targetField(code), String(target)]));
    return reply.page(
      <TargetsPage
        ctx={reply.ctx()}
        units={units}
        unitCode={unitCode}
        year={year}
        indicators={indicators}
        state={{ values: shown, errors }}
      />,
      status,
    );
  };
  const evaluationsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values?: Values,
    errors?: Errors,
    status = 200,
  ) => {
    const viewer = await viewerOf(req);
    const evaluations = await listEvaluations(db(), viewer);
    return reply.page(
      <EvaluationsPage
        ctx={reply.ctx()}
        evaluations={evaluations}
        mayOpen={roleMay(viewer, 'performance.open')}
        requestId={typeof values?.requestId === 'string' ? values.requestId : crypto.randomUUID()}
        state={{ values, errors }}
      />,
      status,
    );
  };
  app.get(base, { schema: { hide: true } }, async (req, reply) => {
    const viewer = await viewerOf(req);
    authorizeRole(viewer, 'performance.catalogue');
    const may = {
      edit: roleMay(viewer, 'performance.edit_catalogue'),
      targets: roleMay(viewer, 'performance.targets'),
      evaluations: roleMay(viewer, 'performance.read'),
    };
    return reply.page(<CataloguePage ctx={reply.ctx()} indicators={await listIndicators(db())} may={may} />);
  });
  const indicatorPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values?: Values,
    errors?: Errors,
    status = 200,
  ) => {
    const viewer = await viewerOf(req);
    authorizeRole(viewer, 'performance.edit_catalogue');
    const code = (values?.code ?? (req.query as { code?: string }).code) as string | undefined;
    const existing = code ? (await listIndicators(db())).find((i) => i.code === code) : undefined;
    if (code && !existing && !values) throw new AppError('not_found');
    const shown =
      values ??
      (existing && {
        ...existing,
        denominatorCode: existing.denominatorCode ?? '',
        position: String(existing.position),
      });
    return reply.page(
      <IndicatorFormPage ctx={reply.ctx()} code={existing?.code ?? null} state={{ values: shown, errors }} />,
      status,
    );
  };
  app.get(`${base}/indicators/edit`, { schema: { hide: true, querystring: IndicatorQuery } }, (req, reply) =>
    indicatorPage(req, reply),
  );
  app.post(
    `${base}/indicators`,
    {
      schema: { hide: true, body: IndicatorPageBody },
      config: { errorPage: shownAgain('performance.edit_catalogue', indicatorPage) },
    },
    async (req, reply) => {
      const viewer = await viewerOf(req);
      const { _csrf: _, ...input } = req.body;
      await db().transaction((tx) => saveIndicator(tx, callerOf(req, viewer.actor), viewer, input));
      return reply.redirect(base, 303);
    },
  );
  app.get(`${base}/targets`, { schema: { hide: true, querystring: TargetsQuery } }, (req, reply) =>
    targetsPage(req, reply),
  );
  app.post(
    `${base}/targets`,
    {
      schema: { hide: true, body: TargetsPageBody },
      config: {
        errorPage: shownAgain('performance.targets', (req, reply, values, errors, status) =>
          targetsPage(req, reply, values, errors, status),
        ),
      },
    },
    async (req, reply) => {
      const viewer = await viewerOf(req);
      authorizeRole(viewer, 'performance.targets');
      const { unitCode, year } = req.body;
      const codes = (await listIndicators(db(), { activeOnly: true })).map((i) => i.code);
      const targets = targetsFromForm(req.body, codes);
      await db().transaction((tx) => setTargets(tx, callerOf(req, viewer.actor), viewer, { unitCode, year, targets }));
      return reply.redirect(`${base}/targets?unitCode=${encodeURIComponent(unitCode)}&year=${year}`, 303);
    },
  );
  app.get(`${base}/evaluations`, { schema: { hide: true } }, (req, reply) => evaluationsPage(req, reply));
  app.post(
    `${base}/evaluations`,
    {
      schema: { hide: true, body: OpenBody.extend(csrfField) },
      config: { errorPage: shownAgain('performance.open', evaluationsPage) },
    },
    async (req, reply) => {
      const viewer = await viewerOf(req);
      const { year, half, requestId } = req.body;
      const evaluation = await db().transaction((tx) =>
        openEvaluation(tx, callerOf(req, viewer.actor), viewer, { year, half, requestId }),
      );
      return reply.redirect(`${base}/evaluations/${evaluation.id}`, 303);
    },
  );
  await registerEvaluationPages(fastify);
}
