import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listLodgingsOfUnits } from '../lodgings/get-lodging.ts';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { createOperation } from './create-operation.ts';
import {
  AgencyBody,
  IdParams,
  MeetingPageBody,
  OperationBody,
  PartnerLinkPageBody,
  TeamAgencyBody,
  TeamBody,
} from './inputs.ts';
import { listTeamPartners, listOpenRecommendations } from './list-team-partners.ts';
import { listTeams } from './list-teams.ts';
import { createAgency, listAgencies } from './manage-agencies.ts';
import { addTeamAgency, createTeam, linkPartner, requireManagedTeam } from './manage-teams.ts';
import { authorizeRole } from './policy.ts';
import { recordMeeting } from './record-meeting.ts';
import { timporaViewer } from './timpora-viewer.ts';
import { listMeetingsOfTeams } from './view-meeting.ts';
import { MeetingFormPage } from './views/meeting-form-page.tsx';
import { OperationFormPage } from './views/operation-form-page.tsx';
import { AgencyFormPage, TeamFormPage } from './views/team-form-pages.tsx';
import { TeamPage } from './views/team-page.tsx';

type Page = (req: FastifyRequest, reply: FastifyReply, state: FormState, status?: number) => Promise<unknown>;
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Re-shows the form with its errors when the input was at fault; a refusal or an unknown record is answered as such. */
const reshow =
  (page: Page) => (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) =>
    error.status === 409 || error.status === 422
      ? page(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status)
      : Promise.reject(error);

/** The keepers' forms without JavaScript: agencies, teams and their members and partners, meetings, operations. */
export function registerTimporaManagePages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const teamId = (req: FastifyRequest) => (req.params as { id: string }).id;
  const form = { hide: true } as const;

  const agencyPage: Page = async (req, reply, state, status = 200) => {
    authorizeRole(requireActor(req), 'timpora.manage');
    return reply.page(<AgencyFormPage ctx={reply.ctx()} state={state} />, status);
  };
  const teamFormPage: Page = async (req, reply, state, status = 200) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'timpora.manage');
    const viewer = await timporaViewer(db(), actor);
    const teams = await listTeams(db(), viewer);
    return reply.page(<TeamFormPage ctx={reply.ctx()} state={state} scope={viewer.scope} teams={teams} />, status);
  };
  const teamPage: Page = async (req, reply, state, status = 200) => {
    const caller = callerOf(req, requireActor(req));
    const page = await db().transaction(async (tx) => {
      const team = await requireManagedTeam(tx, caller, teamId(req));
      const all = await listTeams(tx, await timporaViewer(tx, caller.actor!));
      const withMembers = all.find((t) => t.id === team.id) ?? { ...team, depth: 0, members: [] };
      const partners = await listTeamPartners(tx, team.id);
      const meetings = await listMeetingsOfTeams(tx, [team.id]);
      const agencies = await listAgencies(tx);
      return { team: withMembers, partners, meetings, agencies };
    });
    return reply.page(<TeamPage ctx={reply.ctx()} state={state} {...page} />, status);
  };
  const meetingFormPage: Page = async (req, reply, state, status = 200) => {
    const caller = callerOf(req, requireActor(req));
    const team = await db().transaction((tx) => requireManagedTeam(tx, caller, teamId(req)));
    const requestId = typeof state.values?.requestId === 'string' ? state.values.requestId : crypto.randomUUID();
    return reply.page(
      <MeetingFormPage
        ctx={reply.ctx()}
        team={team}
        agencies={await listAgencies(db())}
        state={state}
        requestId={requestId}
      />,
      status,
    );
  };
  const operationFormPage: Page = async (req, reply, state, status = 200) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'timpora.operate');
    const viewer = await timporaViewer(db(), actor);
    const teams = await listTeams(db(), viewer);
    const requestId = typeof state.values?.requestId === 'string' ? state.values.requestId : crypto.randomUUID();
    return reply.page(
      <OperationFormPage
        ctx={reply.ctx()}
        teams={teams}
        lodgings={await listLodgingsOfUnits(db(), viewer.scope, ['verified'])}
        recommendations={await listOpenRecommendations(
          db(),
          teams.map((t) => t.id),
        )}
        state={state}
        requestId={requestId}
      />,
      status,
    );
  };

  app.get('/officer/timpora/agencies/new', { schema: form }, (req, reply) => agencyPage(req, reply, {}));
  app.post(
    '/officer/timpora/agencies',
    { schema: { ...form, body: AgencyBody.extend(csrfField) }, config: { errorPage: reshow(agencyPage) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      authorizeRole(caller.actor, 'timpora.manage');
      const { _csrf, ...body } = req.body;
      await db().transaction((tx) => createAgency(tx, caller, body));
      return reply.redirect('/officer/timpora', 303);
    },
  );
  app.get('/officer/timpora/teams/new', { schema: form }, (req, reply) => teamFormPage(req, reply, {}));
  app.post(
    '/officer/timpora/teams',
    { schema: { ...form, body: TeamBody.extend(csrfField) }, config: { errorPage: reshow(teamFormPage) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { _csrf, ...b } = req.body;
      const team = await db().transaction((tx) =>
        createTeam(tx, caller, {
          ...b,
          parentId: b.parentId ?? null,
          regionCode: b.regionCode ?? null,
          secretaryName: b.secretaryName ?? null,
          secretaryPosition: b.secretaryPosition ?? null,
        }),
      );
      return reply.redirect(`/officer/timpora/teams/${team.id}`, 303);
    },
  );
  app.get('/officer/timpora/teams/:id', { schema: { ...form, params: IdParams } }, (req, reply) =>
    teamPage(req, reply, {}),
  );
  app.post(
    '/officer/timpora/teams/:id/agencies',
    {
      schema: { ...form, params: IdParams, body: TeamAgencyBody.extend(csrfField) },
      config: { errorPage: reshow(teamPage) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { agencyId, contactName, contactPhone } = req.body;
      await db().transaction((tx) =>
        addTeamAgency(tx, caller, { teamId: req.params.id, agencyId, contactName, contactPhone }),
      );
      return reply.redirect(`/officer/timpora/teams/${req.params.id}`, 303);
    },
  );
  app.post(
    '/officer/timpora/teams/:id/partners',
    {
      schema: { ...form, params: IdParams, body: PartnerLinkPageBody.extend(csrfField) },
      config: { errorPage: reshow(teamPage) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { email, partnerAgencyId } = req.body;
      await db()
        .transaction((tx) => linkPartner(tx, caller, { teamId: req.params.id, email, agencyId: partnerAgencyId }))
        .catch((err: unknown) => {
          // The page's agency field has its own name, beside the seat form's.
          if (err instanceof AppError && err.fields?.agencyId)
            throw new AppError(err.code, { ...err.fields, partnerAgencyId: err.fields.agencyId });
          throw err;
        });
      return reply.redirect(`/officer/timpora/teams/${req.params.id}`, 303);
    },
  );
  app.get('/officer/timpora/teams/:id/meetings/new', { schema: { ...form, params: IdParams } }, (req, reply) =>
    meetingFormPage(req, reply, {}),
  );
  app.post(
    '/officer/timpora/teams/:id/meetings',
    {
      schema: { ...form, params: IdParams, body: MeetingPageBody.and(z.object(csrfField)) },
      config: { errorPage: reshow(meetingFormPage) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { _csrf, ...body } = req.body;
      const meeting = await db().transaction((tx) => recordMeeting(tx, caller, { teamId: req.params.id, ...body }));
      return reply.redirect(`/officer/timpora/meetings/${meeting.id}`, 303);
    },
  );
  app.get('/officer/timpora/operations/new', { schema: form }, (req, reply) => operationFormPage(req, reply, {}));
  app.post(
    '/officer/timpora/operations',
    { schema: { ...form, body: OperationBody.extend(csrfField) }, config: { errorPage: reshow(operationFormPage) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { _csrf, ...body } = req.body;
      const operation = await db().transaction((tx) => createOperation(tx, caller, body));
      return reply.redirect(`/officer/timpora/operations/${operation.id}`, 303);
    },
  );
}
