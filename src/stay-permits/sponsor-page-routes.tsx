import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listRegencies } from '../regions/queries.ts';
import { addSponsorMember } from './add-sponsor-member.ts';
import { describeSponsor } from './describe-sponsor.ts';
import { getStayPermit } from './get-stay-permit.ts';
import {
  ChangeReportForm,
  MemberForm,
  SponsorMemberParams,
  SponsorParams,
  SponsorPermitParams,
  SponsorRegistrationForm,
} from './inputs.ts';
import { isSponsorMember } from './is-sponsor-member.ts';
import { listMySponsors } from './list-my-sponsors.ts';
import { authorizeMember, authorizeSponsorRegistration } from './policy.ts';
import { registerSponsor } from './register-sponsor.ts';
import { removeSponsorMember } from './remove-sponsor-member.ts';
import { reportPermitChange } from './report-permit-change.ts';
import { viewStayPermit } from './view-stay-permit.ts';
import { MySponsorsPage } from './views/my-sponsors-page.tsx';
import { RegisterSponsorPage } from './views/register-sponsor-page.tsx';
import { SponsorPage } from './views/sponsor-page.tsx';
import { SponsorPermitPage } from './views/sponsor-permit-page.tsx';

/** Sponsors read English first (the option's default; the language switch still applies). */
const en = { defaultLang: 'en' as const };
/** Sponsors are registered for the offices' working areas, which lie in NTT (units/working-areas.ts). */
const NTT = '53';

/** Sponsors' own pages: registering, their foreigners and permits, members, and reporting changes. */
export function registerSponsorRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
  const member = async (req: FastifyRequest, sponsorId: string) => {
    const actor = requireActor(req);
    authorizeMember(actor, await isSponsorMember(db(), sponsorId, actor.id));
    return actor;
  };

  app.get('/sponsors', { schema: { hide: true }, config: en }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.page(<MySponsorsPage ctx={reply.ctx()} sponsors={await listMySponsors(db(), actor.id)} />);
  });

  const registerPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    authorizeSponsorRegistration(actor);
    const regencies = await listRegencies(db(), NTT);
    return reply.page(<RegisterSponsorPage ctx={reply.ctx()} regencies={regencies} state={state} />, status);
  };
  app.get('/sponsors/register', { schema: { hide: true }, config: en }, (req, reply) => registerPage(req, reply, {}));
  app.post(
    '/sponsors/register',
    {
      schema: { hide: true, body: SponsorRegistrationForm.and(z.object(csrfField)) },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          registerPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { _csrf, declaration: _declared, ...input } = req.body;
      const sponsor = await db().transaction((tx) => registerSponsor(tx, callerOf(req, actor), input));
      return reply.redirect(`/sponsors/${sponsor.id}`, 303);
    },
  );

  const sponsorPage = async (req: FastifyRequest, reply: FastifyReply, memberState: FormState, status = 200) => {
    const { id } = req.params as { id: string };
    await member(req, id);
    const described = await describeSponsor(db(), id);
    return reply.page(
      <SponsorPage ctx={reply.ctx()} described={described} today={witaDate()} memberState={memberState} />,
      status,
    );
  };
  app.get('/sponsors/:id', { schema: { hide: true, params: SponsorParams }, config: en }, (req, reply) =>
    sponsorPage(req, reply, {}),
  );
  app.post(
    '/sponsors/:id/members',
    {
      schema: { hide: true, params: SponsorParams, body: MemberForm.extend(csrfField) },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          sponsorPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) =>
        addSponsorMember(tx, callerOf(req, actor), { sponsorId: req.params.id, email: req.body.email }),
      );
      return reply.redirect(`/sponsors/${req.params.id}`, 303);
    },
  );

  app.post(
    '/sponsors/:id/members/:accountId/remove',
    {
      schema: { hide: true, params: SponsorMemberParams, body: z.object(csrfField) },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          sponsorPage(req, reply, { errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) =>
        removeSponsorMember(tx, callerOf(req, actor), { sponsorId: req.params.id, accountId: req.params.accountId }),
      );
      return reply.redirect(`/sponsors/${req.params.id}`, 303);
    },
  );

  const permitPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { id, permitId } = req.params as { id: string; permitId: string };
    const actor = await member(req, id);
    if ((await getStayPermit(db(), permitId)).sponsorId !== id) throw new AppError('not_found');
    const described = await db().transaction((tx) => viewStayPermit(tx, callerOf(req, actor), permitId));
    return reply.page(
      <SponsorPermitPage ctx={reply.ctx()} sponsorId={id} described={described} today={witaDate()} state={state} />,
      status,
    );
  };
  app.get(
    '/sponsors/:id/permits/:permitId',
    { schema: { hide: true, params: SponsorPermitParams }, config: en },
    (req, reply) => permitPage(req, reply, {}),
  );
  app.post(
    '/sponsors/:id/permits/:permitId/changes',
    {
      schema: { hide: true, params: SponsorPermitParams, body: ChangeReportForm.extend(csrfField) },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          permitPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { kind, details } = req.body;
      await db().transaction((tx) =>
        reportPermitChange(tx, callerOf(req, actor), {
          sponsorId: req.params.id,
          permitId: req.params.permitId,
          kind,
          details,
        }),
      );
      return reply.redirect(`/sponsors/${req.params.id}/permits/${req.params.permitId}`, 303);
    },
  );
}
