import type { LodgingPlace } from '../../lodgings/find-lodgings.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { TeamWithMembers } from '../list-teams.ts';
import { Choices } from './choices.tsx';

type Props = {
  ctx: PageContext;
  teams: TeamWithMembers[];
  lodgings: LodgingPlace[];
  recommendations: { id: string; text: string }[];
  state: FormState;
  requestId: string;
};

/** A joint operation planned: teams (the first ticked runs it), targets, dates, the recommendation it came from. */
export function OperationFormPage({ ctx, teams, lodgings, recommendations, state, requestId }: Props) {
  const { t } = ctx;
  const o = (key: string) => t(`timpora.manage.operation.${key}`);
  const labels = Object.fromEntries(
    ['title', 'teamIds', 'recommendationId', 'startsOn', 'endsOn', 'lodgingIds', 'villageCodes', 'places'].map((k) => [
      k,
      o(k),
    ]),
  );
  return (
    <Layout ctx={ctx} title={t('timpora.manage.newOperation')} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/timpora">{t('timpora.title')}</a>
      </p>
      <h1>{t('timpora.manage.newOperation')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/timpora/operations" submit={t('timpora.manage.save')}>
        <input type="hidden" name="requestId" value={requestId} />
        <Field name="title" label={labels.title!} state={state} />
        <Choices
          name="teamIds"
          legend={labels.teamIds!}
          state={state}
          options={teams.map((team) => ({ value: team.id, label: `${team.name} (${team.unitCode})` }))}
        />
        <SelectField
          name="recommendationId"
          label={labels.recommendationId!}
          state={state}
          options={[{ value: '', label: '—' }, ...recommendations.map((r) => ({ value: r.id, label: r.text }))]}
        />
        <Field name="startsOn" label={labels.startsOn!} state={state} type="date" />
        <Field name="endsOn" label={labels.endsOn!} state={state} type="date" />
        <Choices
          name="lodgingIds"
          legend={labels.lodgingIds!}
          state={state}
          options={lodgings.map((l) => ({ value: l.id, label: `${l.name}, ${l.address}` }))}
        />
        <TextArea name="villageCodes" label={labels.villageCodes!} state={state} hint={o('villageHint')} rows={2} />
        <TextArea name="places" label={labels.places!} state={state} rows={2} />
      </Form>
    </Layout>
  );
}
