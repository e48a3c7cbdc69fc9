import type { T } from '../platform/i18n/index.ts';
import type { IkmReport } from './ikm-report.ts';
import { profileFields } from './inputs.ts';

type Row = [label: string, value: string];
const choiceKeys = {
  ageGroup: 'ageGroups',
  sex: 'sexes',
  education: 'educationLevels',
  occupation: 'occupations',
} as const;

/** The report's lines, shared by the PDF and the Excel file so both read the same. */
export function reportRows(report: IkmReport, t: T, score: (value: number | null, decimals: 2 | 3) => string) {
  const { ikm } = report;
  const header: Row[] = [
    [t('surveys.report.unit'), report.unit.name],
    [t('surveys.report.period'), t('surveys.report.periodValue', { from: report.from, to: report.to })],
    [
      t('surveys.report.service'),
      report.service ? t(`surveys.services.${report.service}`) : t('surveys.officer.allServices'),
    ],
    [t('surveys.officer.respondents'), String(ikm.respondents)],
  ];
  const elements: Row[] = ikm.elements.map((e) => [
    `${e.code.toUpperCase()} ${t(`surveys.elements.${e.code}.name`)}`,
    score(e.mean, 3),
  ]);
  const totals: Row[] = [
    [t('surveys.officer.ikm'), score(ikm.ikm, 3)],
    [t('surveys.officer.converted'), score(ikm.converted, 2)],
    [t('surveys.officer.category'), ikm.category ? `${ikm.category} (${ikm.label})` : '—'],
  ];
  const profile = profileFields.map((field) => ({
    title: t(`surveys.profile.${field}`),
    rows: report.profile[field].map((p): Row => [
      p.value ? t(`surveys.profile.${choiceKeys[field]}.${p.value}`) : t('surveys.profile.unstated'),
      String(p.count),
    ]),
  }));
  return { header, elements, totals, profile };
}
