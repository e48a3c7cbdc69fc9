import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { addEvidence } from './add-evidence.ts';
import { evaluatedUnits } from './evaluated-units.ts';
import {
  ActionBody,
  ActiveIndicatorJson,
  EVIDENCE_API_BODY_LIMIT,
  EvaluationDetailJson,
  EvaluationJson,
  EvidenceApiBody,
  IdParams,
  IndicatorBody,
  IndicatorCodeParams,
  NotesBody,
  OpenBody,
  TargetsBody,
  TargetsJson,
  TargetsQuery,
  UnitParams,
} from './inputs.ts';
import { listIndicators } from './list-indicators.ts';
import { openEvaluation } from './open-evaluation.ts';
import { performEvaluationAction } from './perform-evaluation-action.ts';
import { authorize, authorizeRole, performanceViewer } from './policy.ts';
import { saveIndicator } from './save-indicator.ts';
import { setTargets, unitTargets } from './targets.ts';
import { listEvaluations, viewEvaluation, type EvaluationView } from './view-evaluation.ts';
import { writeUnitNotes } from './write-unit-notes.ts';

const tags = ['performance'];
const security = [{ bearer: [] }];
const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };
const Done = z.object({ ok: z.literal(true) });
const IdJson = z.object({ id: z.string() });

const detailJson = (v: EvaluationView) => ({
  ...v.evaluation,
  draft: v.draft,
  unitCount: v.unitCount,
  catalogue: v.catalogue,
  units: v.units.map((u) => ({
    ...u,
    evidence: u.evidence.map((e) => ({ id: e.id, ziArea: e.ziArea, title: e.title, mediaType: e.mediaType })),
  })),
});

/** The performance API: the indicator catalogue, targets, and the semester evaluations. */
export function registerPerformanceApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const who = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    return { caller: callerOf(req, actor), viewer: await performanceViewer(db(), actor) };
  };

  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        security,
        summary: 'The indicator catalogue: what each indicator counts, its measure, period and Zona Integritas area',
        response: { 200: z.array(ActiveIndicatorJson), ...errors },
      },
    },
    async (req) => {
      authorizeRole((await who(req)).viewer, 'performance.catalogue');
      return listIndicators(db());
    },
  );
  app.put(
    '/api/v1/indicators/:code',
    {
      schema: {
        tags,
        security,
        summary: 'Add or change an indicator (the Kanwil’s admins and head); frozen evaluations keep their copy',
        params: IndicatorCodeParams,
        body: IndicatorBody,
        response: { 200: ActiveIndicatorJson, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      return db().transaction((tx) => saveIndicator(tx, caller, viewer, { code: req.params.code, ...req.body }));
    },
  );
  app.get(
    '/api/v1/indicators/targets',
    {
      schema: {
        tags,
        security,
        summary: 'A unit’s targets for a year (the Kanwil’s admins and head)',
        querystring: TargetsQuery,
        response: { 200: TargetsJson, ...errors },
      },
    },
    async (req) => {
      const { viewer } = await who(req);
      authorizeRole(viewer, 'performance.targets');
      const unitCode = req.query.unitCode ?? (await evaluatedUnits(db()))[0]?.code ?? '';
      const year = req.query.year ?? Number(witaDate().slice(0, 4));
      authorize(viewer, 'performance.targets', unitCode);
      const targets = await unitTargets(db(), unitCode, year);
      return { unitCode, year, targets: [...targets].map(([indicatorCode, target]) => ({ indicatorCode, target })) };
    },
  );
  app.put(
    '/api/v1/indicators/targets',
    {
      schema: {
        tags,
        security,
        summary: 'Set a unit’s targets for a year; a null target removes it; all or none',
        body: TargetsBody,
        response: { 200: Done, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      await db().transaction((tx) => setTargets(tx, caller, viewer, req.body));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/evaluations',
    {
      schema: {
        tags,
        security,
        summary: 'Semester evaluations',
        response: { 200: z.array(EvaluationJson), ...errors },
      },
    },
    async (req) => listEvaluations(db(), (await who(req)).viewer),
  );
  app.post(
    '/api/v1/evaluations',
    {
      schema: {
        tags,
        security,
        summary: 'Open a semester for every unit below the Kanwil',
        body: OpenBody,
        response: { 200: IdJson, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      const { id } = await db().transaction((tx) => openEvaluation(tx, caller, viewer, req.body));
      return { id };
    },
  );
  app.get(
    '/api/v1/evaluations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'An evaluation with the units the reader may see: the frozen snapshot, or a draft computed now',
        params: IdParams,
        response: { 200: EvaluationDetailJson, ...errors },
      },
    },
    async (req) => detailJson(await viewEvaluation(db(), (await who(req)).viewer, req.params.id)),
  );
  app.post(
    '/api/v1/evaluations/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Freeze the evaluation (the Kanwil’s head): snapshot, scores and ranking, never changed afterwards',
        params: IdParams,
        body: ActionBody,
        response: { 200: EvaluationJson, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      return db().transaction((tx) =>
        performEvaluationAction(tx, caller, viewer, { evaluationId: req.params.id, ...req.body }),
      );
    },
  );
  app.put(
    '/api/v1/evaluations/:id/units/:unitCode/notes',
    {
      schema: {
        tags,
        security,
        summary: 'The unit head’s notes, while the evaluation is open',
        params: UnitParams,
        body: NotesBody,
        response: { 200: Done, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      await db().transaction((tx) =>
        writeUnitNotes(tx, caller, viewer, { evaluationId: req.params.id, unitCode: req.params.unitCode, ...req.body }),
      );
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/evaluations/:id/units/:unitCode/evidence',
    {
      bodyLimit: EVIDENCE_API_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Add an evidence document to a Zona Integritas area, while the evaluation is open',
        params: UnitParams,
        body: EvidenceApiBody,
        response: { 200: IdJson, ...errors },
      },
    },
    async (req) => {
      const { caller, viewer } = await who(req);
      const { ziArea, title, file, requestId } = req.body;
      return transactionStoring(db(), app.deps.storage, (tx, storage) =>
        addEvidence(
          tx,
          caller,
          viewer,
          { evaluationId: req.params.id, unitCode: req.params.unitCode, ziArea, title, file, requestId },
          { storage },
        ),
      );
    },
  );
}
