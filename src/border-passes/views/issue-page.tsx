import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { VillageGroup } from '../eligible-villages.ts';
import { photoFields } from '../pass-photos.ts';
import type { ReplacementStep } from '../workflow.ts';

type Props = {
  ctx: PageContext;
  unitCode: string;
  state: FormState;
  villages: VillageGroup[];
  requestId: string;
  /** Renewing or replacing this pass. */
  replacing: { id: string; number: string; step: ReplacementStep } | null;
};

const textFields = ['nik', 'fullName', 'birthPlace', 'address', 'endorsementNumber'] as const;
const labelled = [...textFields, 'birthDate', 'sex', 'villageCode', 'endorsementDate', 'channel', ...photoFields];

/** The village, chosen from one list grouped by kecamatan, wired like the platform's fields. */
function VillageSelect({ ctx, state, villages }: { ctx: PageContext; state: FormState; villages: VillageGroup[] }) {
  const { t } = ctx;
  const error = state.errors?.villageCode;
  const chosen = state.values?.villageCode;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-villageCode">{t('borderPasses.fields.villageCode')}</label>
      <p class="hint" id="f-villageCode-hint">
        {t('borderPasses.fields.villageHint')}
      </p>
      {error && (
        <p class="error" id="f-villageCode-error">
          {error}
        </p>
      )}
      <select
        id="f-villageCode"
        name="villageCode"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-villageCode-hint f-villageCode-error' : 'f-villageCode-hint'}
      >
        <option value="">{t('regions.choose')}</option>
        {villages.map((g) => (
          <optgroup key={g.districtCode} label={g.label}>
            {g.villages.map((v) => (
              <option key={v.code} value={v.code} selected={chosen === v.code}>
                {v.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The issuing form: the holder from the e-KTP, the endorsement, two photos and where it is issued. */
export function IssuePage({ ctx, unitCode, state, villages, requestId, replacing }: Props) {
  const { t } = ctx;
  const title = replacing
    ? t(replacing.step === 'renew' ? 'borderPasses.issue.renewTitle' : 'borderPasses.issue.replaceTitle', {
        number: replacing.number,
      })
    : t('borderPasses.issue.title');
  const labels = Object.fromEntries(labelled.map((f) => [f, t(`borderPasses.fields.${f}`)]));
  const base = `/officer/units/${unitCode}/border-passes`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href={base}>{t('borderPasses.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('borderPasses.issue.lead')} {t('borderPasses.issue.free')}
      </p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action={`${base}/new`} submit={t('borderPasses.issue.submit')} upload>
        <input type="hidden" name="requestId" value={requestId} />
        {replacing && (
          <>
            <input type="hidden" name="replaces" value={replacing.id} />
            <input type="hidden" name="replaceStep" value={replacing.step} />
          </>
        )}
        <Field name="nik" label={labels.nik!} state={state} inputmode="numeric" />
        <Field name="fullName" label={labels.fullName!} state={state} />
        <Field name="birthPlace" label={labels.birthPlace!} state={state} />
        <Field name="birthDate" type="date" label={labels.birthDate!} state={state} />
        <Radios
          name="sex"
          legend={labels.sex!}
          state={state}
          options={(['F', 'M'] as const).map((s) => ({ value: s, label: t(`borderPasses.sexes.${s}`) }))}
        />
        <VillageSelect ctx={ctx} state={state} villages={villages} />
        <Field name="address" label={labels.address!} state={state} />
        <Field name="endorsementNumber" label={labels.endorsementNumber!} state={state} />
        <Field name="endorsementDate" type="date" label={labels.endorsementDate!} state={state} />
        {photoFields.map((f) => (
          <div key={f} class={state.errors?.[f] ? 'field has-error' : 'field'}>
            <label for={`f-${f}`}>{labels[f]}</label>
            <p class="hint">{t('borderPasses.fields.photoHint')}</p>
            {state.errors?.[f] && <p class="error">{state.errors[f]}</p>}
            <input id={`f-${f}`} type="file" name={f} accept="image/jpeg,image/png" />
          </div>
        ))}
        <Radios
          name="channel"
          legend={labels.channel!}
          state={state}
          options={(['office', 'outreach'] as const).map((c) => ({ value: c, label: t(`borderPasses.channels.${c}`) }))}
        />
      </PostForm>
    </Layout>
  );
}
