import { witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { datasets, type Dataset } from './datasets.ts';
import { datasetText, FIRST_YEAR, thisYear } from './read-dataset.ts';

export const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
export const mediaTypes = { csv: 'text/csv', json: 'application/json' } as const;

/** A dataset's stable URLs, relative to the site (the year left out: this year). */
export const dataUrls = (dataset: Dataset, year?: number) => {
  const q = year === undefined ? '' : `?year=${year}`;
  return { page: `/data/${dataset.id}`, csv: `/data/${dataset.id}.csv${q}`, json: `/data/${dataset.id}.json${q}` };
};

/**
 * The machine-readable catalogue, after DCAT's fields (dcat:Catalog with dcat:Dataset and dcat:Distribution): every
 * dataset with its words in both languages, its distributions (this year's; other years by `?year=`), licence,
 * publisher and the day it was last counted (figures are counted when asked, so today).
 */
export function buildCatalog(publicUrl: string, now = new Date()) {
  const modified = witaDate(now);
  const both = (key: string) => ({ id: translator('id')(key), en: translator('en')(key) });
  const publisher = { name: both('openData.publisher'), homepage: `${publicUrl}/` };
  return {
    title: both('openData.title'),
    description: both('openData.lead'),
    homepage: `${publicUrl}/data`,
    publisher,
    license: LICENSE,
    modified,
    datasets: datasets.map((d) => {
      const text = datasetText(d);
      const urls = dataUrls(d);
      return {
        id: d.id,
        title: text.title,
        description: text.description,
        smallCountRule: text.rule,
        landingPage: `${publicUrl}${urls.page}`,
        source: d.source,
        accrualPeriodicity: d.frequency,
        temporal: { firstYear: FIRST_YEAR, lastYear: thisYear(now) },
        license: LICENSE,
        publisher,
        modified,
        distributions: (['csv', 'json'] as const).map((format) => ({
          format,
          mediaType: mediaTypes[format],
          accessURL: `${publicUrl}${urls[format]}`,
          yearParameter: 'year',
        })),
      };
    }),
  };
}
