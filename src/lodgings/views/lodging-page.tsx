import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RowButton } from '../../platform/views/row-actions.tsx';
import type { LodgingMember } from '../get-lodging.ts';
import type { MemberRole } from '../policy.ts';
import type { Lodging } from '../schema.ts';

type Props = {
  ctx: PageContext;
  lodging: Lodging;
  role: MemberRole;
  members: LodgingMember[];
  history: { type: string; at: Date }[];
  memberState: FormState;
  requestId: string;
};

const notes: Partial<Record<Lodging['status'], string>> = {
  pending: 'pendingNote',
  refused: 'refusedNote',
  suspended: 'suspendedNote',
};

/** A member's home for the lodging: its status, what to do next, and (for the manager) its reporters. */
export function LodgingPage({ ctx, lodging, role, members, history, memberState, requestId }: Props) {
  const { t, lang } = ctx;
  const note = notes[lodging.status];
  const base = `/lodgings/${lodging.id}`;
  return (
    <Layout ctx={ctx} title={lodging.name} hasErrors={!!memberState.errors}>
      <h1>{lodging.name}</h1>
      <dl>
        <dt>{t('lodgings.intake.lodging.status')}</dt>
        <dd>{t(`lodgings.intake.statuses.${lodging.status}`)}</dd>
        <dt>{t('lodgings.intake.fields.kind')}</dt>
        <dd>{t(`lodgings.intake.kinds.${lodging.kind}`)}</dd>
        <dt>{t('lodgings.intake.fields.address')}</dt>
        <dd>{lodging.address}</dd>
      </dl>
      {note ? (
        <p class="notice">{t(`lodgings.intake.lodging.${note}`)}</p>
      ) : (
        <ul class="actions">
          <li>
            <a class="button" href={`${base}/check-in`}>
              {t('lodgings.intake.lodging.checkIn')}
            </a>
          </li>
          <li>
            <a href={`${base}/guests`}>{t('lodgings.intake.lodging.guests')}</a>
          </li>
          <li>
            <a href={`${base}/upload`}>{t('lodgings.intake.lodging.upload')}</a>
          </li>
        </ul>
      )}
      <h2>{t('lodgings.intake.lodging.members')}</h2>
      <ErrorSummary ctx={ctx} errors={memberState.errors} labels={{ email: t('lodgings.intake.fields.memberEmail') }} />
      <ul>
        {members.map((m) => (
          <li key={m.accountId}>
            {m.name} ({m.email}) ·{' '}
            {t(m.role === 'manager' ? 'lodgings.intake.lodging.roleManager' : 'lodgings.intake.lodging.roleReporter')}
            {role === 'manager' && m.role === 'reporter' && (
              <RowButton
                ctx={ctx}
                action={`${base}/members/${m.accountId}/remove`}
                label={t('lodgings.intake.lodging.remove')}
                row={m.name}
                variant="secondary"
              />
            )}
          </li>
        ))}
      </ul>
      {role === 'manager' && (
        <>
          <h3>{t('lodgings.intake.lodging.addMember')}</h3>
          <Form ctx={ctx} action={`${base}/members`} submit={t('lodgings.intake.lodging.addMember')}>
            <input type="hidden" name="requestId" value={requestId} />
            <Field
              name="email"
              type="email"
              label={t('lodgings.intake.fields.memberEmail')}
              hint={t('lodgings.intake.lodging.addMemberHint')}
              state={memberState}
            />
          </Form>
        </>
      )}
      <h2>{t('lodgings.intake.lodging.history')}</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(lang, h.at)}: {t(`lodgings.intake.history.${h.type}`)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
