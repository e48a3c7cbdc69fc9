import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { TimporaOverview } from '../browse-timpora.ts';

/** The teams as a tree, their meetings and the operations the reader may see. */
export function OverviewPage({
  ctx,
  overview,
  may,
}: {
  ctx: PageContext;
  overview: TimporaOverview;
  may: { manage: boolean; operate: boolean };
}) {
  const { t, lang } = ctx;
  const teamName = new Map(overview.teams.map((team) => [team.id, team.name]));
  return (
    <Layout ctx={ctx} title={t('timpora.title')}>
      <h1>{t('timpora.title')}</h1>
      <p>{t('timpora.lead')}</p>
      <p>
        <small>{t('timpora.audited')}</small>
      </p>
      {(may.manage || may.operate) && (
        <ul class="actions">
          {may.operate && (
            <li>
              <a href="/officer/timpora/operations/new">{t('timpora.manage.newOperation')}</a>
            </li>
          )}
          {may.manage && (
            <>
              <li>
                <a href="/officer/timpora/teams/new">{t('timpora.manage.newTeam')}</a>
              </li>
              <li>
                <a href="/officer/timpora/agencies/new">{t('timpora.manage.newAgency')}</a>
              </li>
            </>
          )}
        </ul>
      )}
      <h2>{t('timpora.operations')}</h2>
      {overview.operations.length === 0 ? (
        <p>{t('timpora.noOperations')}</p>
      ) : (
        <ul>
          {overview.operations.map((o) => (
            <li key={o.id}>
              <a href={`/officer/timpora/operations/${o.id}`}>{o.title}</a> — {t(`timpora.statuses.${o.status}`)},{' '}
              {formatCalendarDate(lang, o.startsOn)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('timpora.meetings')}</h2>
      {overview.meetings.length === 0 ? (
        <p>{t('timpora.noMeetings')}</p>
      ) : (
        <ul>
          {overview.meetings.map((m) => (
            <li key={m.id}>
              <a href={`/officer/timpora/meetings/${m.id}`}>
                {t('timpora.meeting.title', {
                  team: teamName.get(m.teamId) ?? '',
                  date: formatCalendarDate(lang, m.heldOn),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('timpora.teams')}</h2>
      {overview.teams.length === 0 ? (
        <p>{t('timpora.noTeams')}</p>
      ) : (
        <ul>
          {overview.teams.map((team) => (
            <li key={team.id} style={`margin-left:${team.depth * 1.5}em`}>
              <strong>{team.name}</strong> ({t(`timpora.levels.${team.level}`)}, {team.unitCode}) —{' '}
              {may.manage && (
                <>
                  <a href={`/officer/timpora/teams/${team.id}`}>{t('timpora.openTeam')}</a> —{' '}
                </>
              )}
              {t('timpora.decree', { number: team.decreeNumber, date: formatCalendarDate(lang, team.decreeDate) })}
              <br />
              {t('timpora.chair', { name: team.chairName, position: team.chairPosition })}
              {team.secretaryName && (
                <>
                  <br />
                  {t('timpora.secretary', { name: team.secretaryName, position: team.secretaryPosition ?? '' })}
                </>
              )}
              {team.members.length > 0 && (
                <ul>
                  {team.members.map((m) => (
                    <li key={m.agencyId}>
                      {m.name}: {t('timpora.contact', { name: m.contactName, phone: m.contactPhone })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
