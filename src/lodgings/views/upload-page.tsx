import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { guestCsvColumns } from '../guest-csv.ts';
import type { Lodging } from '../schema.ts';

/** A file's outcome: counts, and each bad row by its line with what to correct (in the reader's language). */
export type UploadResult = { accepted: number; repeated: number; rejected: { line: number; problems: string[] }[] };

type Props = { ctx: PageContext; lodging: Lodging; state: FormState; result?: UploadResult; maxBytes: number };

export function UploadPage({ ctx, lodging, state, result }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.upload.title')} hasErrors={!!state.errors}>
      <p>
        <a href={`/lodgings/${lodging.id}`}>{lodging.name}</a>
      </p>
      <h1>{t('lodgings.intake.upload.title')}</h1>
      {result && (
        <section aria-labelledby="upload-result">
          <h2 id="upload-result">{t('lodgings.intake.upload.result')}</h2>
          <ul role="status">
            <li>{t('lodgings.intake.upload.accepted', { count: result.accepted })}</li>
            <li>{t('lodgings.intake.upload.repeated', { count: result.repeated })}</li>
            <li>{t('lodgings.intake.upload.rejected', { count: result.rejected.length })}</li>
          </ul>
          {result.rejected.length > 0 && (
            <ScrollRegion label={t('lodgings.intake.upload.result')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('lodgings.intake.upload.line')}</th>
                    <th scope="col">{t('lodgings.intake.upload.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={r.line}>
                      <th scope="row">{r.line}</th>
                      <td>{r.problems.join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <p>
            <a href={`/lodgings/${lodging.id}/guests`}>{t('lodgings.intake.lodging.guests')}</a>
          </p>
        </section>
      )}
      <p class="lead">{t('lodgings.intake.upload.lead')}</p>
      <p>{t('lodgings.intake.upload.columns', { columns: guestCsvColumns.join(', ') })}</p>
      <p>
        <a href="/lodgings/guests-template.csv" download>
          {t('lodgings.intake.upload.template')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ file: t('lodgings.intake.fields.file') }} />
      <PostForm ctx={ctx} action={`/lodgings/${lodging.id}/upload`} submit={t('lodgings.intake.upload.submit')} upload>
        <div class={state.errors?.file ? 'field has-error' : 'field'}>
          <label for="f-file">{t('lodgings.intake.fields.file')}</label>
          {state.errors?.file && <p class="error">{state.errors.file}</p>}
          <input id="f-file" name="file" type="file" accept=".csv,text/csv" />
        </div>
      </PostForm>
    </Layout>
  );
}
