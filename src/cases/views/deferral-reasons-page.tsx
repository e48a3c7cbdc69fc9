import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { DeferralReason } from '../schema.ts';
import { reasonName } from './step-forms.tsx';

const labelsOf = (ctx: PageContext) => ({
  code: ctx.t('cases.reasons.code'),
  nameId: ctx.t('cases.reasons.nameId'),
  nameEn: ctx.t('cases.reasons.nameEn'),
  sort: ctx.t('cases.reasons.sort'),
});

function Tick({ name, label, state }: { name: string; label: string; state: FormState }) {
  return (
    <label class="check" for={`f-${name}`}>
      <input type="checkbox" id={`f-${name}`} name={name} value="yes" checked={state.values?.[name] === 'yes'} />{' '}
      {label}
    </label>
  );
}

/**
 * The reasons in the office's order, retired ones marked; the regional office's admins get the form to add one. Codes
 * are for the API and the figures, not for reading: the page names reasons only.
 */
export function DeferralReasonsPage(props: {
  ctx: PageContext;
  reasons: DeferralReason[];
  keeps: boolean;
  state: FormState;
}) {
  const { ctx, reasons, keeps, state } = props;
  const { t } = ctx;
  const title = t('cases.reasons.title');
  const yesNo = (v: boolean) => t(v ? 'cases.reasons.yes' : 'cases.reasons.no');
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('cases.reasons.saved')}
        </p>
      )}
      <p>{t('cases.reasons.lead')}</p>
      <ScrollRegion label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.reasons.name')}</th>
              <th scope="col">{t('cases.reasons.nonProcedural')}</th>
              <th scope="col">{t('cases.reasons.sort')}</th>
              <th scope="col">{t('cases.reasons.active')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r.code}>
                <td>{reasonName(ctx, r)}</td>
                <td>{yesNo(r.nonProcedural)}</td>
                <td>{r.sort}</td>
                <td>{yesNo(r.active)}</td>
                <td>
                  <RowLink
                    href={`/officer/deferral-reasons/${r.code}`}
                    label={t(keeps ? 'cases.reasons.edit' : 'cases.reasons.view')}
                    row={reasonName(ctx, r)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {keeps && (
        <>
          <h2>{t('cases.reasons.addTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={state.errors} labels={labelsOf(ctx)} />
          <Form ctx={ctx} action="/officer/deferral-reasons" submit={t('cases.reasons.add')}>
            <Field name="code" label={t('cases.reasons.code')} hint={t('cases.reasons.codeHint')} state={state} />
            <Field name="nameId" label={t('cases.reasons.nameId')} state={state} />
            <Field name="nameEn" label={t('cases.reasons.nameEn')} state={state} />
            <Field name="sort" label={t('cases.reasons.sort')} inputmode="numeric" state={state} />
            <Tick name="nonProcedural" label={t('cases.reasons.nonProceduralHint')} state={state} />
          </Form>
        </>
      )}
    </Layout>
  );
}

/**
 * One reason's names, order and whether it is in use, as a form for those who keep the reasons and as facts for the
 * others; its code and `nonProcedural` stay as added.
 */
export function DeferralReasonEditPage(props: {
  ctx: PageContext;
  reason: DeferralReason;
  keeps: boolean;
  state: FormState;
}) {
  const { ctx, reason, keeps, state } = props;
  const { t } = ctx;
  const title = t('cases.reasons.editTitle', { name: reasonName(ctx, reason) });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <p>{t('cases.reasons.editLead')}</p>
      {keeps ? (
        <>
          <ErrorSummary ctx={ctx} errors={state.errors} labels={labelsOf(ctx)} />
          <Form ctx={ctx} action={`/officer/deferral-reasons/${reason.code}`} submit={t('cases.reasons.save')}>
            <Field name="nameId" label={t('cases.reasons.nameId')} state={state} />
            <Field name="nameEn" label={t('cases.reasons.nameEn')} state={state} />
            <Field name="sort" label={t('cases.reasons.sort')} inputmode="numeric" state={state} />
            <Tick name="active" label={t('cases.reasons.activeHint')} state={state} />
          </Form>
        </>
      ) : (
        <>
          <p>{t('cases.reasons.keepers')}</p>
          <dl>
            <dt>{t('cases.reasons.nameId')}</dt>
            <dd>{reason.nameId}</dd>
            <dt>{t('cases.reasons.nameEn')}</dt>
            <dd>{reason.nameEn}</dd>
            <dt>{t('cases.reasons.sort')}</dt>
            <dd>{reason.sort}</dd>
            <dt>{t('cases.reasons.active')}</dt>
            <dd>{t(reason.active ? 'cases.reasons.yes' : 'cases.reasons.no')}</dd>
          </dl>
        </>
      )}
      <p>
        <a href="/officer/deferral-reasons">{t('cases.reasons.back')}</a>
      </p>
    </Layout>
  );
}
