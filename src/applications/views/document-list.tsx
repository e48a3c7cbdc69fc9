import { formatNumber, type Lang } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { DocumentRequirement, DocumentSummary } from '../required-documents.ts';
import { RowButton, RowLink } from '../../platform/views/row-actions.tsx';

export function requirementLabel(t: PageContext['t'], requirement: DocumentRequirement): string {
  return requirement.kinds.length === 1
    ? t(`applications.documentKinds.${requirement.kinds[0]}`)
    : t(`applications.requirements.${requirement.id}`);
}

export function formatSize(lang: Lang, bytes: number): string {
  const format = (n: number) => formatNumber(lang, n, 1);
  return bytes >= 1024 * 1024 ? `${format(bytes / 1024 / 1024)} MB` : `${format(Math.max(1, bytes / 1024))} KB`;
}

type Props = {
  ctx: PageContext;
  applicationId: string;
  documents: DocumentSummary[];
  removable?: boolean;
  change?: boolean;
};

/** Uploaded files with a download link each (never an inline view), and on a draft a button to remove one. */
export function DocumentList({ ctx, applicationId, documents, removable, change }: Props) {
  const { t } = ctx;
  if (documents.length === 0) return <p>{t('applications.documents.none')}</p>;
  return (
    <ScrollRegion label={t('applications.fields.documents')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('applications.documents.kindLabel')}</th>
            <th scope="col">{t('applications.documents.fileLabel')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>{t(`applications.documentKinds.${d.kind}`)}</td>
              <td>
                {d.originalName ?? '—'} ({formatSize(ctx.lang, d.size)})
              </td>
              <td>
                <RowLink
                  href={`/applications/${applicationId}/documents/${d.id}`}
                  download
                  label={t('applications.documents.download')}
                  row={t(`applications.documentKinds.${d.kind}`)}
                />
                {removable && (
                  <>
                    {' '}
                    <RowButton
                      ctx={ctx}
                      action={`/applications/${applicationId}/documents/${d.id}/delete${change ? '?change=1' : ''}`}
                      label={t('applications.documents.remove')}
                      row={t(`applications.documentKinds.${d.kind}`)}
                      variant="link"
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
