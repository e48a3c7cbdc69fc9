import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import {
  RefugeeActionBody,
  RefugeeBody,
  RefugeeFilter,
  RefugeeJson,
  RefugeeListJson,
  RefugeeParams,
  ReportBody,
} from './inputs.ts';
import { getRefugee, listRefugees, type RefugeeRow } from './list-refugees.ts';
import { performRefugeeAction } from './perform-refugee-action.ts';
import { registerRefugee } from './register-refugee.ts';

const asJson = (r: RefugeeRow) => ({
  id: r.id,
  foreignerId: r.foreignerId,
  person: r.person && { surname: r.person.surname, givenNames: r.person.givenNames, nationality: r.person.nationality },
  unitCode: r.unitCode,
  unhcrStatus: r.unhcrStatus,
  unhcrNumber: r.unhcrNumber,
  shelter: r.shelter,
  cardNumber: r.cardNumber,
  status: r.status,
  firstMonth: r.firstMonth,
  reportedMonths: r.reportedMonths,
});

/** The refugees API: registration under oversight, the list, the monthly self-report and the ends of oversight. */
export function registerRefugeeApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };
  const security = [{ bearer: [] }];

  app.post(
    '/api/v1/refugees',
    {
      schema: {
        tags: ['refugees'],
        summary:
          'Put a refugee or asylum seeker under the Rudenim’s oversight with its identity card (Perpres 125/2016); idempotent by requestId',
        security,
        body: RefugeeBody,
        response: { 201: RefugeeJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { document, ...rest } = req.body;
      const row = await db().transaction(async (tx) => {
        const r = await registerRefugee(tx, caller, {
          ...rest,
          document: document && { ...document, expiresOn: document.expiresOn ?? null },
        });
        return (await getRefugee(tx, caller, r.id)).refugee;
      });
      return reply.code(201).send(asJson(row));
    },
  );

  app.get(
    '/api/v1/refugees',
    {
      schema: {
        tags: ['refugees'],
        summary: 'Refugees overseen by the Rudenims in the officer’s scope, with the months reported; audited',
        security,
        querystring: RefugeeFilter,
        response: { 200: RefugeeListJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const { rows } = await db().transaction((tx) => listRefugees(tx, caller, req.query));
      return rows.map(asJson);
    },
  );

  app.post(
    '/api/v1/refugees/:id/reports',
    {
      schema: {
        tags: ['refugees'],
        summary:
          'Stamp the refugee’s monthly self-report (Perpres 125/2016 Pasal 36): one per month; idempotent by requestId',
        security,
        params: RefugeeParams,
        body: ReportBody,
        response: { 201: RefugeeJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const row = await db().transaction(async (tx) => {
        await performRefugeeAction(tx, caller, req.params.id, { step: 'report', ...req.body });
        return (await getRefugee(tx, caller, req.params.id)).refugee;
      });
      return reply.code(201).send(asJson(row));
    },
  );

  app.post(
    '/api/v1/refugees/:id/actions',
    {
      schema: {
        tags: ['refugees'],
        summary:
          'End the oversight: resettled, voluntary return, placed in detention, deceased or absconded; idempotent by requestId',
        security,
        params: RefugeeParams,
        body: RefugeeActionBody,
        response: { 200: RefugeeJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return asJson(
        await db().transaction(async (tx) => {
          await performRefugeeAction(tx, caller, req.params.id, req.body);
          return (await getRefugee(tx, caller, req.params.id)).refugee;
        }),
      );
    },
  );
}
