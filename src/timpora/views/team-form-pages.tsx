import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { TeamWithMembers } from '../list-teams.ts';
import { agencyKinds, teamLevels } from '../schema.ts';

const back = (ctx: PageContext) => (
  <p>
    <a href="/officer/timpora">{ctx.t('timpora.title')}</a>
  </p>
);

/** A partner agency: its code, name and kind. */
export function AgencyFormPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const labels = { code: t('timpora.manage.code'), name: t('timpora.manage.name'), kind: t('timpora.manage.kind') };
  return (
    <Layout ctx={ctx} title={t('timpora.manage.newAgency')} hasErrors={!!state.errors}>
      {back(ctx)}
      <h1>{t('timpora.manage.newAgency')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/timpora/agencies" submit={t('timpora.manage.save')}>
        <Field name="code" label={labels.code} state={state} hint={t('timpora.manage.codeHint')} />
        <Field name="name" label={labels.name} state={state} />
        <SelectField
          name="kind"
          label={labels.kind}
          state={state}
          options={agencyKinds.map((k) => ({ value: k, label: t(`timpora.kinds.${k}`) }))}
        />
      </Form>
    </Layout>
  );
}

/** A team formed by its decree, run by a unit of the officer's scope, under a parent team. */
export function TeamFormPage({
  ctx,
  state,
  scope,
  teams,
}: {
  ctx: PageContext;
  state: FormState;
  scope: string[];
  teams: TeamWithMembers[];
}) {
  const { t } = ctx;
  const fields = [
    'name',
    'level',
    'parentId',
    'unitCode',
    'regionCode',
    'decreeNumber',
    'decreeDate',
    'chairName',
    'chairPosition',
    'secretaryName',
    'secretaryPosition',
  ] as const;
  const labels = Object.fromEntries(fields.map((f) => [f, t(`timpora.manage.team.${f}`)])) as Record<
    (typeof fields)[number],
    string
  >;
  return (
    <Layout ctx={ctx} title={t('timpora.manage.newTeam')} hasErrors={!!state.errors}>
      {back(ctx)}
      <h1>{t('timpora.manage.newTeam')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/timpora/teams" submit={t('timpora.manage.save')}>
        <Field name="name" label={labels.name} state={state} />
        <SelectField
          name="level"
          label={labels.level}
          state={state}
          options={teamLevels.map((l) => ({ value: l, label: t(`timpora.levels.${l}`) }))}
        />
        <SelectField
          name="parentId"
          label={labels.parentId}
          state={state}
          options={[{ value: '', label: '—' }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
        />
        <SelectField
          name="unitCode"
          label={labels.unitCode}
          state={state}
          options={scope.map((code) => ({ value: code, label: code }))}
        />
        <Field name="regionCode" label={labels.regionCode} state={state} hint={t('timpora.manage.regionHint')} />
        <Field name="decreeNumber" label={labels.decreeNumber} state={state} />
        <Field name="decreeDate" label={labels.decreeDate} state={state} type="date" />
        <Field name="chairName" label={labels.chairName} state={state} />
        <Field name="chairPosition" label={labels.chairPosition} state={state} />
        <Field name="secretaryName" label={labels.secretaryName} state={state} />
        <Field name="secretaryPosition" label={labels.secretaryPosition} state={state} />
      </Form>
    </Layout>
  );
}
