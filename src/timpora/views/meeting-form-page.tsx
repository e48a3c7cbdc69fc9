import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { meetingPageRows } from '../inputs.ts';
import type { PartnerAgency, TimporaTeam } from '../schema.ts';
import { Choices } from './choices.tsx';

type Props = { ctx: PageContext; team: TimporaTeam; agencies: PartnerAgency[]; state: FormState; requestId: string };

/** A meeting written up by the team's secretary: up to three recommendations, each owned by an agency. */
export function MeetingFormPage({ ctx, team, agencies, state, requestId }: Props) {
  const { t } = ctx;
  const m = (key: string) => t(`timpora.meeting.${key}`);
  const labels: Record<string, string> = {
    heldOn: t('timpora.manage.heldOn'),
    place: m('place'),
    agenda: m('agenda'),
    agenciesPresent: m('present'),
    notes: m('notes'),
  };
  for (const n of meetingPageRows) {
    labels[`recText${n}`] = t('timpora.manage.recText', { n });
    labels[`recAgency${n}`] = t('timpora.manage.recAgency', { n });
    labels[`recDue${n}`] = t('timpora.manage.recDue', { n });
  }
  const options = agencies.map((a) => ({ value: a.id, label: a.name }));
  return (
    <Layout ctx={ctx} title={t('timpora.manage.newMeeting')} hasErrors={!!state.errors}>
      <p>
        <a href={`/officer/timpora/teams/${team.id}`}>{team.name}</a>
      </p>
      <h1>{t('timpora.manage.newMeeting')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/officer/timpora/teams/${team.id}/meetings`} submit={t('timpora.manage.save')}>
        <input type="hidden" name="requestId" value={requestId} />
        <Field name="heldOn" label={labels.heldOn!} state={state} type="date" />
        <Field name="place" label={labels.place!} state={state} />
        <TextArea name="agenda" label={labels.agenda!} state={state} />
        <Choices name="agenciesPresent" legend={labels.agenciesPresent!} state={state} options={options} />
        <TextArea name="notes" label={labels.notes!} state={state} rows={4} />
        {meetingPageRows.map((n) => (
          <fieldset key={n}>
            <legend>{t('timpora.manage.recommendation', { n })}</legend>
            <TextArea name={`recText${n}`} label={labels[`recText${n}`]!} state={state} rows={2} />
            <SelectField
              name={`recAgency${n}`}
              label={labels[`recAgency${n}`]!}
              state={state}
              options={[{ value: '', label: '—' }, ...options]}
            />
            <Field name={`recDue${n}`} label={labels[`recDue${n}`]!} state={state} type="date" />
          </fieldset>
        ))}
      </Form>
    </Layout>
  );
}
