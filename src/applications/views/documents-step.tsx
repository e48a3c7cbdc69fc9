import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import type { DocumentRequirement, DocumentSummary } from '../required-documents.ts';
import type { Application } from '../schema.ts';
import { stepPath } from '../wizard-steps.ts';
import { DocumentList, formatSize, requirementLabel } from './document-list.tsx';
import { WizardFrame } from './step-page.tsx';

type Props = {
  ctx: PageContext;
  application: Application;
  requirements: DocumentRequirement[];
  documents: DocumentSummary[];
  state: FormState;
  change: boolean;
  maxBytes: number;
};

/** The documents page: the checklist, one upload form (works without JavaScript), the files so far, and on. */
export function DocumentsStep({ ctx, application, requirements, documents, state, change, maxBytes }: Props) {
  const { t } = ctx;
  const labels = {
    kind: t('applications.documents.kindLabel'),
    file: t('applications.documents.fileLabel'),
    documents: t('applications.fields.documents'),
  };
  const fileError = state.errors?.file;
  const hintId = 'f-file-hint';
  const kinds = requirements.flatMap((r) => r.kinds);
  const upload = `/applications/${application.id}/documents${change ? '?change=1' : ''}`;
  return (
    <WizardFrame ctx={ctx} application={application} step="documents" change={change} hasErrors={!!state.errors}>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <p>{t('applications.documents.lead', { size: formatSize(ctx.lang, maxBytes) })}</p>
      <h2 id="f-documents">{t('applications.documents.checklist')}</h2>
      {state.errors?.documents && <p class="error">{state.errors.documents}</p>}
      <ul>
        {requirements.map((r) => {
          const done = documents.some((d) => r.kinds.includes(d.kind));
          return (
            <li key={r.id}>
              {requirementLabel(t, r)} (
              {t(r.required ? 'applications.documents.required' : 'applications.documents.optional')}):{' '}
              <strong>{t(done ? 'applications.documents.done' : 'applications.documents.missing')}</strong>
            </li>
          );
        })}
      </ul>
      <h2>{t('applications.documents.uploadTitle')}</h2>
      <form method="post" action={upload} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <SelectField
          name="kind"
          label={labels.kind}
          state={state}
          options={kinds.map((k) => ({ value: k, label: t(`applications.documentKinds.${k}`) }))}
        />
        <div class={fileError ? 'field has-error' : 'field'}>
          <label for="f-file">{labels.file}</label>
          <p class="hint" id={hintId}>
            {t('applications.documents.fileHint', { size: formatSize(ctx.lang, maxBytes) })}
          </p>
          {fileError && (
            <p class="error" id="f-file-error">
              {fileError}
            </p>
          )}
          <input
            id="f-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? `${hintId} f-file-error` : hintId}
          />
        </div>
        <button type="submit" class="secondary">
          {t('applications.documents.upload')}
        </button>
      </form>
      <h2>{t('applications.documents.uploaded')}</h2>
      <DocumentList ctx={ctx} applicationId={application.id} documents={documents} removable change={change} />
      <Form
        ctx={ctx}
        action={stepPath(application.id, 'documents', change)}
        submit={t(change ? 'applications.wizard.save' : 'applications.wizard.next')}
      >
        {null}
      </Form>
    </WizardFrame>
  );
}
