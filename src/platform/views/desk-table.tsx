import type { PageContext } from './context.ts';
import { ScrollRegion } from './scroll-region.tsx';

export type DeskRow = { code: string; name: string; links: { href: string; text: string }[] };

/** A table of offices, each with the pages an officer may open there; a link's text names its office to screen readers. */
export function DeskTable({
  ctx,
  title,
  lead,
  unitHeader,
  rows,
}: {
  ctx: PageContext;
  title: string;
  lead: string;
  unitHeader: string;
  rows: DeskRow[];
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <p>{lead}</p>
      <ScrollRegion label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{unitHeader}</th>
              <th scope="col">{ctx.t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.name}</th>
                <td>
                  <ul>
                    {row.links.map((link) => (
                      <li key={link.href}>
                        <a href={link.href}>
                          {link.text}
                          <span class="visually-hidden"> {row.name}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
