import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { officerAtUnit } from '../units/officer-at-unit.ts';
import { actorScope, unitScope } from '../units/scope.ts';
import { acknowledgeChangeReport } from './acknowledge-change-report.ts';
import { decideSponsor } from './decide-sponsor.ts';
import { getSponsor } from './get-sponsor.ts';
import { grantStayPermit } from './grant-stay-permit.ts';
import {
  DecisionForm,
  PermitParams,
  RecordPermitForm,
  ReportParams,
  SponsorParams,
  UnitParams,
  UnitPermitsQuery,
} from './inputs.ts';
import { UNIT_PERMITS_LIMIT } from './list-unit-permits.ts';
import { listUnitSponsors } from './list-unit-sponsors.ts';
import { authorize, authorizeRole } from './policy.ts';
import { viewUnitPermits } from './view-unit-permits.ts';
import { viewStayPermit } from './view-stay-permit.ts';
import { PermitPage } from './views/permit-page.tsx';
import { RecordPermitPage } from './views/record-permit-page.tsx';
import { UnitPermitsPage } from './views/unit-permits-page.tsx';
import { UnitSponsorsPage } from './views/unit-sponsors-page.tsx';

const ENDING_SOON_DAYS = 30;

/** The office's stay-permit pages: the unit's permits and reported changes, recording a permit, a permit, sponsors. */
export function registerStayPermitOfficerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const { config } = app.deps;
  const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
  const errorsOf = (req: FastifyRequest, error: AppError, fields: FieldErrors) => formErrors(req.t, error, fields);

  app.get(
    '/officer/units/:code/stay-permits',
    { schema: { hide: true, params: UnitParams, querystring: UnitPermitsQuery } },
    async (req, reply) => {
      await officerAtUnit(db(), req, authorize, 'permit.view');
      const unit = await getUnit(db(), req.params.code);
      const today = witaDate();
      const below = await unitScope(db(), unit.code);
      const filter = { type: req.query.type, ending: req.query.ending === '1' };
      const caller = callerOf(req, requireActor(req));
      const { rows, changes } = await db().transaction((tx) =>
        viewUnitPermits(
          tx,
          caller,
          { code: unit.code, below },
          { type: filter.type, endingWithin: filter.ending ? ENDING_SOON_DAYS : undefined, today },
        ),
      );
      return reply.page(
        <UnitPermitsPage
          ctx={reply.ctx()}
          unit={unit}
          rows={rows}
          limit={UNIT_PERMITS_LIMIT}
          filter={filter}
          changes={changes}
          today={today}
        />,
      );
    },
  );

  const recordPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    await officerAtUnit(db(), req, authorize, 'permit.record');
    const unit = await getUnit(db(), (req.params as { code: string }).code);
    const sponsors = await listUnitSponsors(db(), await unitScope(db(), unit.code), 'verified');
    const requestId = typeof state.values?.requestId === 'string' ? state.values.requestId : crypto.randomUUID();
    return reply.page(
      <RecordPermitPage ctx={reply.ctx()} unit={unit} sponsors={sponsors} state={state} requestId={requestId} />,
      status,
    );
  };
  app.get('/officer/units/:code/stay-permits/new', { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    recordPage(req, reply, {}),
  );
  app.post(
    '/officer/units/:code/stay-permits',
    {
      schema: { hide: true, params: UnitParams, body: RecordPermitForm.and(z.object(csrfField)) },
      config: {
        errorPage: (req, reply, error, fields) =>
          recordPage(req, reply, { values: values(req), errors: errorsOf(req, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor } = await officerAtUnit(db(), req, authorize, 'permit.record');
      const b = req.body;
      const permit = await db().transaction((tx) =>
        grantStayPermit(tx, callerOf(req, actor), {
          foreigner: {
            surname: b.surname,
            givenNames: b.givenNames,
            nationality: b.nationality,
            issuingState: b.issuingState,
            documentNumber: b.documentNumber,
            birthDate: b.birthDate,
            sex: b.sex,
            expiresOn: b.expiresOn ?? null,
          },
          type: b.type,
          entryBasis: b.entryBasis,
          visaIndex: b.visaIndex,
          permitNumber: b.permitNumber,
          entryDate: b.entryDate,
          validFrom: b.validFrom,
          validUntil: b.validUntil,
          sponsorId: b.sponsorId,
          responsiblePerson: b.responsiblePerson,
          unitCode: req.params.code,
          requestId: b.requestId,
        }),
      );
      return reply.redirect(`/officer/stay-permits/${permit.id}`, 303);
    },
  );

  app.get('/officer/stay-permits/:id', { schema: { hide: true, params: PermitParams } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'permit.view');
    const described = await db().transaction((tx) => viewStayPermit(tx, callerOf(req, actor), req.params.id));
    const back = {
      href: `/officer/units/${described.permit.unitCode}/stay-permits`,
      text: reply.ctx().t('stayPermits.permit.back'),
    };
    return reply.page(<PermitPage ctx={reply.ctx()} described={described} today={witaDate()} back={back} />);
  });

  const sponsorsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    unitCode: string,
    state: FormState & { id?: string },
    status = 200,
  ) => {
    const actor = requireActor(req);
    authorize(actor, 'sponsor.verify', { unitCode, scope: await actorScope(db(), actor) });
    const unit = await getUnit(db(), unitCode);
    const sponsors = await listUnitSponsors(db(), await unitScope(db(), unit.code));
    return reply.page(<UnitSponsorsPage ctx={reply.ctx()} unit={unit} sponsors={sponsors} state={state} />, status);
  };
  app.get('/officer/units/:code/sponsors', { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    sponsorsPage(req, reply, req.params.code, {}),
  );
  app.post(
    '/officer/sponsors/:id/decision',
    {
      schema: { hide: true, params: SponsorParams, body: DecisionForm.extend(csrfField) },
      config: {
        errorPage: async (req, reply, error, fields) => {
          authorizeRole(requireActor(req), 'sponsor.verify');
          const id = (req.params as { id: string }).id;
          const sponsor = await getSponsor(db(), id);
          const state = { id, values: values(req), errors: errorsOf(req, error, fields) };
          return sponsorsPage(req, reply, sponsor.unitCode, state, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const sponsor = await db().transaction((tx) =>
        decideSponsor(
          tx,
          callerOf(req, actor),
          { sponsorId: req.params.id, ...req.body },
          { publicUrl: config.publicUrl },
        ),
      );
      return reply.redirect(`/officer/units/${sponsor.unitCode}/sponsors`, 303);
    },
  );

  app.post(
    '/officer/change-reports/:id/acknowledge',
    { schema: { hide: true, params: ReportParams, body: z.object(csrfField) } },
    async (req, reply) => {
      const actor = requireActor(req);
      const report = await db().transaction((tx) =>
        acknowledgeChangeReport(tx, callerOf(req, actor), { reportId: req.params.id }),
      );
      return reply.redirect(`/officer/units/${report.unitCode}/stay-permits`, 303);
    },
  );
}
