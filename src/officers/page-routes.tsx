import { roleMay } from '../home-visits/policy.ts';
import { roleMay as lodgingRoleMay } from '../lodgings/policy.ts';
import { roleMay as permitRoleMay } from '../stay-permits/policy.ts';
import { roleMay as serviceRoleMay } from '../permit-services/policy.ts';
import { canRole as canSessions } from '../outreach/policy.ts';
import { can as canCase } from '../cases/policy.ts';
import { can as canWatchlist } from '../watchlist/policy.ts';
import { can as canForeigner } from '../foreigners/policy.ts';
import { roleMay as overstayRoleMay } from '../overstays/policy.ts';
import { roleMay as dashboardRoleMay } from '../dashboard/policy.ts';
import { listOversightUnits } from '../lodgings/list-oversight-units.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailField, nameField, newPasswordField } from '../accounts/inputs.ts';
import { clearSignInSlowDown, recentSignInFailures } from '../accounts/sign-in-throttle.ts';
import { officerRoles } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { queueDesks } from '../queue/queue-desks.ts';
import { can as canHoliday } from '../holidays/policy.ts';
import { isVillageOfficer } from '../adopted-villages/is-village-officer.ts';
import { roleMay as villageRoleMay } from '../adopted-villages/policy.ts';
import { keepsReasons } from '../cases/case-access.ts';
import { roleMay as tipRoleMay } from '../village-tips/policy.ts';
import { performanceViewer, roleMay as performanceRoleMay } from '../performance/policy.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { getUnit, listUnits } from '../units/list-units.ts';
import { can as canUnit } from '../units/policy.ts';
import { actorScope } from '../units/scope.ts';
import { createOfficer } from './create-officer.ts';
import { findAccount, listOfficers, viewAccount } from './list-officers.ts';
import { passportDesks } from './passport-desks.ts';
import { authorize, can } from './policy.ts';
import { AccountRecordPage, NewOfficerPage, OfficerHomePage, OfficersPage } from './views/officer-pages.tsx';
import { csrfField } from '../platform/http/fields.ts';

const NewOfficerBody = z.object({
  ...csrfField,
  name: nameField,
  email: emailField,
  role: z.enum(officerRoles, { error: 'v.invalid' }),
  unitCode: z.string().min(1, 'v.required').max(40),
  password: newPasswordField,
});

export function registerOfficerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/officer', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'officer.home');
    const unit = (await listUnits(db())).find((u) => u.code === actor.unitCode);
    const own = { unitCode: actor.unitCode, scope: actor.unitCode ? [actor.unitCode] : [] };
    const links = {
      dashboard: dashboardRoleMay(actor),
      stayPermits: permitRoleMay(actor, 'permit.view') && !!actor.unitCode,
      permitServices: serviceRoleMay(actor, 'service.view'),
      units: canUnit(actor, 'unit.administer'),
      officers: can(actor, 'officer.list'),
      holidays: canHoliday(actor, 'holiday.manage'),
      work: canCase(actor, 'take', own),
      search: canCase(actor, 'case.search', own),
      watchlist: canWatchlist(actor, 'watchlist.view', 'exit'),
      entryBans: canWatchlist(actor, 'watchlist.view', 'entry'),
      sessions: canSessions(actor, 'session.view'),
      visits: roleMay(actor, 'visit.view'),
      overstays: overstayRoleMay(actor, 'overstay.view'),
      departures: canForeigner(actor, 'foreigner.recordDeparture'),
      lodgings: lodgingRoleMay(actor, 'lodging.verify'),
      villages:
        villageRoleMay(actor, 'adopted_village.view') || (await isVillageOfficer(db(), actor.id, null, witaDate())),
      tips: tipRoleMay(actor, 'tip.read'),
      warnings: tipRoleMay(actor, 'warning.read'),
      deferralReasons: await keepsReasons(db(), actor),
      performance: performanceRoleMay(await performanceViewer(db(), actor), 'performance.catalogue'),
    };
    return reply.page(
      <OfficerHomePage
        ctx={reply.ctx()}
        unit={unit}
        links={links}
        desks={await passportDesks(db(), actor)}
        queueUnits={await queueDesks(db(), actor)}
        lodgingUnits={await listOversightUnits(db(), actor)}
      />,
    );
  });

  app.get('/admin/officers', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'officer.list');
    const scope = await actorScope(db(), actor);
    const units = (await listUnits(db())).filter((u) => scope.includes(u.code));
    return reply.page(
      <OfficersPage
        ctx={reply.ctx()}
        officers={await listOfficers(db(), scope)}
        units={units}
        canCreate={actor.role === 'admin'}
      />,
    );
  });

  const newOfficerPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: { values?: Record<string, unknown>; errors?: Record<string, string> },
    status = 200,
  ) => {
    const actor = requireActor(req);
    const scope = await actorScope(db(), actor);
    authorize(actor, 'officer.create', { unitCode: actor.unitCode, scope });
    const units = (await listUnits(db())).filter((u) => scope.includes(u.code));
    return reply.page(<NewOfficerPage ctx={reply.ctx()} units={units} state={state} />, status);
  };
  app.get('/admin/officers/new', { schema: { hide: true } }, (req, reply) => newOfficerPage(req, reply, {}));
  app.post(
    '/admin/officers/new',
    {
      schema: { hide: true, body: NewOfficerBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          newOfficerPage(
            req,
            reply,
            { values: req.body as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const scope = await actorScope(db(), actor);
      // Whether this person may create officers at all, then whether the unit exists (bad input), then whether it is theirs.
      authorize(actor, 'officer.create', { unitCode: actor.unitCode, scope });
      await getUnit(db(), req.body.unitCode).catch(() => {
        throw new AppError('validation_failed', { unitCode: 'v.unit' });
      });
      authorize(actor, 'officer.create', { unitCode: req.body.unitCode, scope });
      const { _csrf, ...input } = req.body;
      const { id } = await db().transaction((tx) =>
        createOfficer(tx, callerOf(req, actor), { ...input, lang: req.lang }, app.deps.config.publicUrl),
      );
      return reply.redirect(`/admin/accounts/${id}`, 303);
    },
  );

  const accountLookUp = {
    action: 'account.view',
    targetType: 'account',
    target: (req: FastifyRequest) => (req.params as { id?: string }).id,
  };
  app.get(
    '/admin/accounts/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ cleared: z.literal('1').optional() }),
      },
      config: { auditRefusals: accountLookUp },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Roles that can never view records are refused before the lookup, so they cannot probe which ids exist.
      authorize(actor, 'officer.list');
      const target = await findAccount(db(), req.params.id);
      const scope = await actorScope(db(), actor);
      authorize(actor, 'account.view', { unitCode: target.unitCode, scope });
      const account = await db().transaction((tx) => viewAccount(tx, callerOf(req, actor), req.params.id));
      const signIn = {
        failures: await recentSignInFailures(db(), account.email),
        canClear: can(actor, 'account.clear_sign_in_failures', { unitCode: account.unitCode, scope }),
        cleared: !!req.query.cleared,
      };
      return reply.page(<AccountRecordPage ctx={reply.ctx()} account={account} signIn={signIn} />);
    },
  );

  app.post(
    '/admin/accounts/:id/sign-in-failures/clear',
    { schema: { hide: true, params: z.object({ id: z.uuid() }), body: z.object(csrfField) } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'officer.list');
      const target = await findAccount(db(), req.params.id);
      authorize(actor, 'account.clear_sign_in_failures', {
        unitCode: target.unitCode,
        scope: await actorScope(db(), actor),
      });
      await db().transaction((tx) => clearSignInSlowDown(tx, callerOf(req, actor), target));
      return reply.redirect(`/admin/accounts/${target.id}?cleared=1`, 303);
    },
  );
}
