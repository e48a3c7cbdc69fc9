import { officerRoles } from '../../platform/auth/schema.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import { QueueDesks } from '../../queue/views/queue-desks.tsx';
import type { findAccount } from '../list-officers.ts';
import type { PassportDesk } from '../passport-desks.ts';
import { PassportDesks } from './passport-desks.tsx';

type AccountRow = Awaited<ReturnType<typeof findAccount>>;

type HomeLinks = {
  dashboard: boolean;
  lodgings: boolean;
  stayPermits: boolean;
  permitServices: boolean;
  units: boolean;
  officers: boolean;
  holidays: boolean;
  work: boolean;
  search: boolean;
  watchlist: boolean;
  entryBans: boolean;
  sessions: boolean;
  visits: boolean;
  overstays: boolean;
  departures: boolean;
  villages: boolean;
  tips: boolean;
  warnings: boolean;
  deferralReasons: boolean;
  performance: boolean;
};

export function OfficerHomePage({
  ctx,
  unit,
  links,
  desks,
  queueUnits,
  lodgingUnits,
}: {
  ctx: PageContext;
  unit?: Unit;
  links: HomeLinks;
  desks: PassportDesk[];
  queueUnits: Unit[];
  /** Units whose lodged foreigners this officer (or partner, through a grant) may read. */
  lodgingUnits: string[];
}) {
  const { t } = ctx;
  const actor = ctx.actor!;
  return (
    <Layout ctx={ctx} title={t('officer.title')}>
      <h1>{t('officer.welcome', { name: actor.name })}</h1>
      <p>
        {t(`roles.${actor.role}`)} · {unit ? <a href={`/units/${unit.code}`}>{unit.name}</a> : actor.unitCode}
      </p>
      {!actor.totpEnabled && (
        <p class="notice">
          {t('officer.totpAdvice')} <a href="/account/totp">{t('account.totpSetup')}</a>
        </p>
      )}
      <ul class="cards">
        {links.dashboard && (
          <li class="card">
            <h2>
              <a href="/officer/dashboard">{t('dashboard.title')}</a>
            </h2>
            <p>{t('dashboard.homeAbout')}</p>
          </li>
        )}
        {links.stayPermits && (
          <li class="card">
            <h2>
              <a href={`/officer/units/${actor.unitCode}/stay-permits`}>{t('officer.stayPermits')}</a>
            </h2>
            <p>{t('officer.stayPermitsAbout')}</p>
          </li>
        )}
        {links.permitServices && (
          <li class="card">
            <h2>
              <a href="/officer/stay-permit-services">{t('officer.permitServices')}</a>
            </h2>
            <p>{t('officer.permitServicesAbout')}</p>
          </li>
        )}
        {links.work && (
          <li class="card">
            <h2>
              <a href="/officer/work">{t('casework.work.title')}</a>
            </h2>
            <p>{t('officer.workAbout')}</p>
          </li>
        )}
        {links.search && (
          <li class="card">
            <h2>
              <a href="/officer/search">{t('casework.search.title')}</a>
            </h2>
            <p>{t('officer.searchAbout')}</p>
          </li>
        )}
        {links.watchlist && (
          <li class="card">
            <h2>
              <a href="/officer/watchlist">{t('watchlist.lists.exit.title')}</a>
            </h2>
            <p>{t('officer.watchlistAbout')}</p>
          </li>
        )}
        {links.entryBans && (
          <li class="card">
            <h2>
              <a href="/officer/entry-bans">{t('watchlist.lists.entry.title')}</a>
            </h2>
            <p>{t('officer.entryBansAbout')}</p>
          </li>
        )}
        {links.overstays && (
          <li class="card">
            <h2>
              <a href="/officer/overstays">{t('overstays.title')}</a>
            </h2>
            <p>{t('officer.overstaysAbout')}</p>
          </li>
        )}
        {links.departures && (
          <li class="card">
            <h2>
              <a href="/officer/foreigners/departures">{t('foreigners.departure.title')}</a>
            </h2>
            <p>{t('officer.departuresAbout')}</p>
          </li>
        )}
        {lodgingUnits.map((code) => (
          <li class="card" key={code}>
            <h2>
              <a href={`/officer/units/${code}/lodgings`}>{`${t('lodgings.oversight.title')} · ${code}`}</a>
            </h2>
            <p>{t('lodgings.oversight.homeAbout')}</p>
          </li>
        ))}
        {links.sessions && (
          <li class="card">
            <h2>
              <a href="/officer/outreach/sessions">{t('services.eazy_paspor.name')}</a>
            </h2>
            <p>{t('officer.sessionsAbout')}</p>
          </li>
        )}
        {links.visits && (
          <li class="card">
            <h2>
              <a href="/officer/home-visits">{t('services.koe_peduli.name')}</a>
            </h2>
            <p>{t('officer.visitsAbout')}</p>
          </li>
        )}
        {links.lodgings && (
          <li class="card">
            <h2>
              <a href="/officer/lodgings/verification">{t('lodgings.intake.officer.title')}</a>
            </h2>
            <p>{t('lodgings.intake.officer.homeAbout')}</p>
          </li>
        )}
        {links.villages && (
          <li class="card">
            <h2>
              <a href="/officer/desa-binaan">{t('adoptedVillages.office.title')}</a>
            </h2>
            <p>{t('officer.villagesAbout')}</p>
          </li>
        )}
        {links.tips && (
          <li class="card">
            <h2>
              <a href="/officer/desa-binaan/tips">{t('villageTips.officer.listTitle')}</a>
            </h2>
            <p>{t('officer.tipsAbout')}</p>
          </li>
        )}
        {links.warnings && (
          <li class="card">
            <h2>
              <a href="/officer/desa-binaan/warnings">{t('villageTips.officer.warningsTitle')}</a>
            </h2>
            <p>{t('officer.warningsAbout')}</p>
          </li>
        )}
        {links.performance && (
          <li class="card">
            <h2>
              <a href="/officer/performance">{t('performance.title')}</a>
            </h2>
            <p>{t('performance.homeAbout')}</p>
          </li>
        )}
        {links.units && (
          <li class="card">
            <h2>
              <a href="/admin/units">{t('units.adminTitle')}</a>
            </h2>
            <p>{t('officer.unitsAbout')}</p>
          </li>
        )}
        {links.officers && (
          <li class="card">
            <h2>
              <a href="/admin/officers">{t('officers.title')}</a>
            </h2>
            <p>{t('officer.officersAbout')}</p>
          </li>
        )}
        {links.deferralReasons && (
          <li class="card">
            <h2>
              <a href="/officer/deferral-reasons">{t('cases.reasons.title')}</a>
            </h2>
            <p>{t('officer.deferralReasonsAbout')}</p>
          </li>
        )}
        {links.holidays && (
          <li class="card">
            <h2>
              <a href="/admin/holidays">{t('counterDesk.home.holidays')}</a>
            </h2>
            <p>{t('counterDesk.home.holidaysAbout')}</p>
          </li>
        )}
        <li class="card">
          <h2>
            <a href="/account">{t('account.title')}</a>
          </h2>
          <p>{t('officer.accountAbout')}</p>
        </li>
      </ul>
      <PassportDesks ctx={ctx} desks={desks} />
      <QueueDesks ctx={ctx} units={queueUnits} />
    </Layout>
  );
}

export function OfficersPage({
  ctx,
  officers,
  units,
  canCreate,
}: {
  ctx: PageContext;
  officers: AccountRow[];
  units: Unit[];
  canCreate: boolean;
}) {
  const { t } = ctx;
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  return (
    <Layout ctx={ctx} title={t('officers.title')}>
      <h1>{t('officers.title')}</h1>
      {canCreate && (
        <p>
          <a class="button" href="/admin/officers/new">
            {t('officers.new')}
          </a>
        </p>
      )}
      {officers.length === 0 ? (
        <p>{t('officers.none')}</p>
      ) : (
        <ScrollRegion label={t('officers.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.unit')}</th>
                <th scope="col">{t('fields.totp2fa')}</th>
              </tr>
            </thead>
            <tbody>
              {officers.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={`/admin/accounts/${o.id}`}>{o.name}</a>
                  </td>
                  <td>{t(`roles.${o.role}`)}</td>
                  <td>{unitName.get(o.unitCode ?? '') ?? o.unitCode}</td>
                  <td>{o.totpEnabledAt ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

export function NewOfficerPage({ ctx, units, state }: { ctx: PageContext; units: Unit[]; state: FormState }) {
  const { t } = ctx;
  const labels = {
    name: t('fields.name'),
    email: t('fields.email'),
    role: t('fields.role'),
    unitCode: t('fields.unit'),
    password: t('fields.initialPassword'),
  };
  return (
    <Layout ctx={ctx} title={t('officers.new')} hasErrors={!!state.errors}>
      <h1>{t('officers.new')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/admin/officers/new" submit={t('officers.create')}>
        <Field name="name" label={labels.name} state={state} required />
        <Field name="email" label={labels.email} state={state} type="email" required />
        <SelectField
          name="role"
          label={labels.role}
          state={state}
          options={officerRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          name="unitCode"
          label={labels.unitCode}
          state={state}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <Field
          name="password"
          label={labels.password}
          hint={t('officers.passwordHint')}
          state={state}
          type="password"
          autocomplete="new-password"
          required
        />
      </Form>
    </Layout>
  );
}

type SignInState = { failures: number; canClear: boolean; cleared: boolean };

export function AccountRecordPage({
  ctx,
  account,
  signIn,
}: {
  ctx: PageContext;
  account: AccountRow;
  signIn: SignInState;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={account.name}>
      <h1>{account.name}</h1>
      <p class="notice">{t('officers.viewAudited')}</p>
      {signIn.cleared && (
        <p class="notice" role="status">
          {t('officers.signInCleared')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('fields.kind')}</dt>
        <dd>{t(`accountKinds.${account.kind}`)}</dd>
        {account.role && (
          <>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${account.role}`)}</dd>
            <dt>{t('fields.unit')}</dt>
            <dd>{account.unitCode}</dd>
          </>
        )}
        <dt>{t('fields.emailVerified')}</dt>
        <dd>{account.emailVerifiedAt ? formatDateTime(lang, account.emailVerifiedAt) : t('common.no')}</dd>
        <dt>{t('fields.totp2fa')}</dt>
        <dd>{account.totpEnabledAt ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('fields.createdAt')}</dt>
        <dd>{formatDateTime(lang, account.createdAt)}</dd>
        <dt>{t('officers.signInFailures')}</dt>
        <dd>{signIn.failures}</dd>
      </dl>
      {signIn.canClear && signIn.failures > 0 && (
        <form method="post" action={`/admin/accounts/${account.id}/sign-in-failures/clear`}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <p>{t('officers.signInClearLead')}</p>
          <button type="submit" class="secondary">
            {t('officers.signInClear')}
          </button>
        </form>
      )}
    </Layout>
  );
}
