import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { TeamWithMembers } from '../list-teams.ts';
import type { PartnerAgency, TimporaMeeting } from '../schema.ts';

type Props = {
  ctx: PageContext;
  team: TeamWithMembers;
  partners: { accountId: string; name: string; email: string; agency: string }[];
  meetings: TimporaMeeting[];
  agencies: PartnerAgency[];
  state: FormState;
};

/** A team for its keepers: decree, chair, member agencies and partner accounts, meetings, and the forms to add them. */
export function TeamPage({ ctx, team, partners, meetings, agencies, state }: Props) {
  const { t, lang } = ctx;
  const base = `/officer/timpora/teams/${team.id}`;
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  const labels = {
    agencyId: t('timpora.manage.agency'),
    contactName: t('timpora.manage.contactName'),
    contactPhone: t('timpora.manage.contactPhone'),
    email: t('timpora.manage.partnerEmail'),
    partnerAgencyId: t('timpora.manage.partnerAgency'),
  };
  return (
    <Layout ctx={ctx} title={team.name} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/timpora">{t('timpora.title')}</a>
      </p>
      <h1>{team.name}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <p>
        {t(`timpora.levels.${team.level}`)}, {team.unitCode}
        {team.regionCode ? `, ${team.regionCode}` : ''} —{' '}
        {t('timpora.decree', { number: team.decreeNumber, date: formatCalendarDate(lang, team.decreeDate) })}
      </p>
      <h2>{t('timpora.manage.members')}</h2>
      <ul>
        {team.members.map((m) => (
          <li key={m.agencyId}>
            {m.name}: {t('timpora.contact', { name: m.contactName, phone: m.contactPhone })}
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={`${base}/agencies`} submit={t('timpora.manage.seat')}>
        <SelectField name="agencyId" label={labels.agencyId} state={state} options={agencyOptions} />
        <Field name="contactName" label={labels.contactName} state={state} />
        <Field name="contactPhone" label={labels.contactPhone} state={state} type="tel" />
      </Form>
      <h2>{t('timpora.manage.partners')}</h2>
      <ul>
        {partners.map((p) => (
          <li key={p.accountId}>
            {p.name} ({p.email}) — {p.agency}
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={`${base}/partners`} submit={t('timpora.manage.link')}>
        <Field name="email" label={labels.email} state={state} type="email" />
        <SelectField
          name="partnerAgencyId"
          label={labels.partnerAgencyId}
          state={state}
          options={team.members.map((m) => ({ value: m.agencyId, label: m.name }))}
        />
      </Form>
      <h2>{t('timpora.meetings')}</h2>
      <p>
        <a href={`${base}/meetings/new`}>{t('timpora.manage.newMeeting')}</a>
      </p>
      <ul>
        {meetings.map((m) => (
          <li key={m.id}>
            <a href={`/officer/timpora/meetings/${m.id}`}>{formatCalendarDate(lang, m.heldOn)}</a> — {m.agenda}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
