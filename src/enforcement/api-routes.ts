import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import {
  CaseActionBody,
  CaseDetailJson,
  CaseFilter,
  CaseJson,
  CaseListJson,
  CaseParams,
  OpenCaseBody,
} from './inputs.ts';
import { listCases } from './list-cases.ts';
import { openCase, openCaseInputOf } from './open-case.ts';
import { performCaseAction } from './perform-case-action.ts';
import type { EnforcementCase } from './schema.ts';
import { viewCase, type CaseView } from './view-case.ts';

const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

const caseJson = (c: EnforcementCase, person: { surname: string; givenNames: string } | null) => ({
  id: c.id,
  unitCode: c.unitCode,
  foreignerId: c.foreignerId,
  nationality: c.nationality,
  person: person && { surname: person.surname, givenNames: person.givenNames },
  sourceKind: c.sourceKind,
  sourceRef: c.sourceRef,
  grounds: c.grounds,
  status: c.status,
  openedAt: c.openedAt,
  examinedOn: c.examinedOn,
  opinion: c.opinion,
  proposed: c.proposed,
  decisionNumber: c.decisionNumber,
  decidedOn: c.decidedOn,
  closingNote: c.closingNote,
});

const detailJson = (view: CaseView) => ({
  ...caseJson(view.case, view.person),
  overstayPaid: view.overstayPaid,
  steps: view.steps,
  measures: view.measures,
  actions: view.actions.map((a) => ({ type: a.type, at: a.at, actorId: a.actorId })),
  deportation: view.deportation,
});

/** The administrative action API: officers of the oversight open, read and move their units' cases. */
export function registerEnforcementApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/enforcement/cases',
    {
      schema: {
        tags: ['enforcement'],
        summary:
          'Open an administrative action case (UU 6/2011 Pasal 75) against a foreigner from a Timpora finding, an overstay, a crossing refused or handed over, or a report; a resent request id answers with the case it opened',
        security: [{ bearer: [] }],
        body: OpenCaseBody,
        response: { 201: CaseJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const opened = await db().transaction((tx) => openCase(tx, caller, openCaseInputOf(req.body)));
      return reply.code(201).send(caseJson(opened, null));
    },
  );

  app.get(
    '/api/v1/enforcement/cases',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'The cases of the officer’s units (or one unit in scope), newest first (at most 500); audited',
        security: [{ bearer: [] }],
        querystring: CaseFilter,
        response: { 200: CaseListJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const { rows } = await db().transaction((tx) =>
        listCases(tx, caller, { status: req.query.status, unitCode: req.query.unit }),
      );
      return rows.map((r) => caseJson(r, r.person));
    },
  );

  app.get(
    '/api/v1/enforcement/cases/:id',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'One case with its decided actions, deportation, history and the steps the caller may take; audited',
        security: [{ bearer: [] }],
        params: CaseParams,
        response: { 200: CaseDetailJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return detailJson(await db().transaction((tx) => viewCase(tx, caller, req.params.id)));
    },
  );

  app.post(
    '/api/v1/enforcement/cases/:id/actions',
    {
      schema: {
        tags: ['enforcement'],
        summary:
          'A step on the case: examine (BAP), opine, decide (the head of office, not the opinion’s author), execute one decided action, close, closePaid (the overstay charge paid), withdraw; a refused step changes nothing, a resent request id answers with the case as it is',
        security: [{ bearer: [] }],
        params: CaseParams,
        body: CaseActionBody,
        response: { 200: CaseDetailJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return db().transaction(async (tx) => {
        await performCaseAction(tx, caller, { ...req.body, caseId: req.params.id });
        return detailJson(await viewCase(tx, caller, req.params.id));
      });
    },
  );
}
