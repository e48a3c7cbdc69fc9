import { Radios } from '../../platform/views/radios.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { SelectField, type FormState } from '../../platform/views/form.tsx';
import { elementCodes } from '../compute-ikm.ts';
import { profileChoices, profileFields } from '../inputs.ts';

const choiceKeys = {
  ageGroup: 'ageGroups',
  sex: 'sexes',
  education: 'educationLevels',
  occupation: 'occupations',
} as const;

/** The field labels, for the error summary's links. */
export function questionnaireLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    ...Object.fromEntries(elementCodes.map((c) => [c, t(`surveys.elements.${c}.name`)])),
    ...Object.fromEntries(profileFields.map((f) => [f, t(`surveys.profile.${f}`)])),
    comment: t('surveys.comment'),
  };
}

/** The nine questions with their four standard answers (scored 1–4), the optional profile and the comment. */
export function QuestionnaireFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const comment = state.values?.comment;
  return (
    <>
      {elementCodes.map((code, i) => (
        <Radios
          key={code}
          name={code}
          legend={`${i + 1}. ${t(`surveys.elements.${code}.question`)}`}
          hint={t(`surveys.elements.${code}.name`)}
          state={state}
          options={[1, 2, 3, 4].map((score) => ({
            value: String(score),
            label: t(`surveys.elements.${code}.o${score}`),
          }))}
        />
      ))}
      <h2>{t('surveys.profile.title')}</h2>
      {profileFields.map((field) => (
        <SelectField
          key={field}
          name={field}
          label={t(`surveys.profile.${field}`)}
          state={state}
          options={[
            { value: '', label: t('surveys.profile.unstated') },
            ...profileChoices[field].map((v) => ({ value: v, label: t(`surveys.profile.${choiceKeys[field]}.${v}`) })),
          ]}
        />
      ))}
      <div class="field">
        <label for="f-comment">{t('surveys.comment')}</label>
        <textarea id="f-comment" name="comment" rows={4} maxLength={2000}>
          {typeof comment === 'string' ? comment : ''}
        </textarea>
      </div>
    </>
  );
}
