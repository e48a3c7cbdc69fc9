import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { MobileKit } from '../schema.ts';
import { RowButton } from '../../platform/views/row-actions.tsx';

type Props = { ctx: PageContext; unit: Unit; kits: MobileKit[]; canManage: boolean; state: FormState; notice?: string };

/** The unit's mobile kits; heads of office add and retire them, the counter roles look. */
export function KitsPage({ ctx, unit, kits, canManage, state, notice }: Props) {
  const { t } = ctx;
  const title = t('roster.kits.title', { unit: unit.name });
  const base = `/officer/units/${unit.code}/kits`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t('roster.kits.lead')}</p>
      <p>
        <a href={`/officer/units/${unit.code}/calendar`}>{t('roster.kits.calendar')}</a>
      </p>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ name: t('roster.kits.name'), serial: t('roster.kits.serial') }}
      />
      {kits.length === 0 ? (
        <p>{t('roster.kits.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('roster.kits.name')}</th>
                <th scope="col">{t('roster.kits.serial')}</th>
                <th scope="col">{t('roster.kits.status')}</th>
                {canManage && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {kits.map((kit) => (
                <tr key={kit.id}>
                  <th scope="row">{kit.name}</th>
                  <td>{kit.serial ?? '—'}</td>
                  <td>{kit.active ? t('roster.kits.active') : t('roster.kits.inactive')}</td>
                  {canManage && (
                    <td>
                      {kit.active && (
                        <RowButton
                          ctx={ctx}
                          action={`${base}/${kit.id}/deactivate`}
                          label={t('roster.kits.deactivate')}
                          row={kit.name}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canManage && (
        <>
          <h2>{t('roster.kits.addTitle')}</h2>
          <Form ctx={ctx} action={base} submit={t('roster.kits.add')}>
            <Field name="name" label={t('roster.kits.name')} state={state} required />
            <Field name="serial" label={t('roster.kits.serial')} state={state} />
          </Form>
        </>
      )}
    </Layout>
  );
}
