import { witaInstant, type IsoDate } from '../../platform/calendar/wita.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { availableActions, entryStatus } from '../available-actions.ts';
import type { BanList, BanRule, WatchlistEntry } from '../schema.ts';
import { AddEntryForm, RowFormView, type RowState } from './entry-forms.tsx';

type Props = {
  ctx: PageContext;
  list: BanList;
  /** The list's page path (`/officer/watchlist`, `/officer/entry-bans`); its forms post below it. */
  base: string;
  /** This page's entries, and the last one's id when older ones follow. */
  entries: WatchlistEntry[];
  next: string | null;
  /** The search the entries answer ('' for none), and whether this is a page past the first. */
  search: string;
  paged: boolean;
  rule: BanRule;
  today: IsoDate;
  showLifted: boolean;
  requestId: string;
  addState: FormState;
  rowState: RowState;
};

const fieldNames = [
  'nik',
  'fullName',
  'birthDate',
  'nationality',
  'documentNumber',
  'foreignerId',
  'reason',
  'reference',
  'validFrom',
  'validUntil',
];

const day = (ctx: PageContext, date: string | null) => (date ? formatDate(ctx.lang, witaInstant(date)) : '—');

/** How long the rule lets a listing last, in the reader's words ("6 bulan", "10 tahun"). */
function duration(ctx: PageContext, months: number): string {
  return months % 12 === 0
    ? ctx.t('watchlist.years', { count: months / 12 })
    : ctx.t('watchlist.months', { count: months });
}

function Identity({ entry }: { entry: WatchlistEntry }) {
  const document = entry.documentNumber ? `${entry.nationality ?? ''} ${entry.documentNumber}`.trim() : null;
  return <>{[entry.nik, document].filter(Boolean).join(' · ') || '—'}</>;
}

/** The list's address with what it shows: lifted ones too, a search, a page after an entry. */
function pageLink(base: string, to: { lifted: boolean; search: string; before?: string }): string {
  const query = new URLSearchParams();
  if (to.lifted) query.set('lifted', '1');
  if (to.search) query.set('q', to.search);
  if (to.before) query.set('before', to.before);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** A list with each entry's grounds and period, its extend and lift forms, the rule in force, and the add form. */
export function WatchlistPage(props: Props) {
  const { ctx, list, base, entries, next, search, paged, rule, today, showLifted, requestId, addState, rowState } =
    props;
  const { t } = ctx;
  const labels = Object.fromEntries(fieldNames.map((f) => [f, t(`watchlist.fields.${f}`)]));
  const title = t(`watchlist.lists.${list}.title`);
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!(addState.errors || rowState.errors)}>
      <h1>{title}</h1>
      <p class="lead">{t(`watchlist.lists.${list}.lead`)}</p>
      <p>
        {t('watchlist.rule', {
          max: duration(ctx, rule.maxMonths),
          count: rule.maxExtensions,
          extension: duration(ctx, rule.extensionMonths),
          basis: rule.basis,
        })}
      </p>
      <p class="notice">{t('watchlist.audited')}</p>
      <ErrorSummary ctx={ctx} errors={rowState.errors} labels={{}} />
      <form method="get" action={base} class="search">
        <label for="watchlist-q">{t('watchlist.search')}</label>
        <p class="hint" id="watchlist-q-hint">
          {t('watchlist.searchHint')}
        </p>
        <input id="watchlist-q" name="q" type="search" value={search} aria-describedby="watchlist-q-hint" />
        {showLifted && <input type="hidden" name="lifted" value="1" />}
        <button type="submit">{t('watchlist.searchButton')}</button>
      </form>
      <p>
        <a href={pageLink(base, { lifted: !showLifted, search })}>
          {showLifted ? t('watchlist.hideLifted') : t('watchlist.showLifted')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{search || paged ? t('watchlist.notFound') : t(`watchlist.lists.${list}.none`)}</p>
      ) : (
        <ScrollRegion label={t('watchlist.count', { n: entries.length })}>
          <table>
            <caption>{t('watchlist.count', { n: entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.fullName}</th>
                <th scope="col">{`${labels.nik} / ${labels.documentNumber}`}</th>
                <th scope="col">{labels.birthDate}</th>
                <th scope="col">{labels.reason}</th>
                <th scope="col">{labels.reference}</th>
                <th scope="col">{`${labels.validFrom} – ${labels.validUntil}`}</th>
                <th scope="col">{t('watchlist.fields.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const status = entryStatus(e, today);
                return (
                  <tr key={e.id}>
                    <td>{e.fullName}</td>
                    <td>
                      <Identity entry={e} />
                    </td>
                    <td>{day(ctx, e.birthDate)}</td>
                    <td>{e.reason}</td>
                    <td>{e.reference}</td>
                    <td>
                      {t('watchlist.period', {
                        from: day(ctx, e.validFrom),
                        until: day(ctx, e.validUntil),
                      })}
                      {e.extensions > 0 && <p class="hint">{t('watchlist.extended', { n: e.extensions })}</p>}
                    </td>
                    <td>{t(`watchlist.status.${status}`, { reason: e.liftReason ?? '' })}</td>
                    <td>
                      {availableActions(e, rule, today).map((form) => (
                        <RowFormView
                          key={form}
                          ctx={ctx}
                          base={base}
                          entry={e}
                          form={form}
                          requestId={requestId}
                          state={rowState.id === e.id && rowState.form === form ? rowState : {}}
                        />
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(next || paged) && (
        <p>
          {paged && <a href={pageLink(base, { lifted: showLifted, search })}>{t('watchlist.newest')}</a>}
          {paged && next && ' · '}
          {next && (
            <a href={pageLink(base, { lifted: showLifted, search, before: next })} rel="next">
              {t('watchlist.older')}
            </a>
          )}
        </p>
      )}
      <AddEntryForm ctx={ctx} base={base} list={list} state={addState} requestId={requestId} labels={labels} />
    </Layout>
  );
}
