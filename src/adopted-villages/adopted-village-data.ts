import type { adoptedVillages } from './schema.ts';

type Seed = typeof adoptedVillages.$inferInsert;

/**
 * The Desa Binaan Imigrasi of NTT that the sources name (domain-oversight.md §6). No decree number is published, so
 * it is null ("not published" on the pages); the decree date is the day the decree was handed to the village where a
 * source reports the ceremony. No PIMPASA are seeded: no source names them.
 *
 * Silawan (Atambua, adopted 2023 or 2024; the day the report appeared stands for it, the decree's date is unknown):
 *   https://kupang.tribunnews.com/2024/06/20/desa-silawan-di-belu-jadi-desa-binaan-imigrasi-atambua
 * Tulakadi and Sadi (Atambua, 12 Aug 2024):
 *   https://www.katantt.com/artikel/49466/desa-sadi-dan-tulakadi-resmi-jadi-desa-binaan-imigrasi-atambua/
 * Batutua, Oeseli, Dolasi, Landu, Oebou (Kupang, Kec. Rote Barat Daya, 24 Jul 2025, high numbers of migrant workers):
 *   https://kupang.tribunnews.com/2025/07/26/rapat-koordinasi-timpora-dan-pembentukan-desa-binaan-imigrasi-digelar-di-rote-ndao
 * Mukuvoka (Labuan Bajo, Kec. Bajawa, Ngada, 16 Sep 2025, with the Timpora of Ngada):
 *   https://siarantimor.com/imigrasi-labuan-bajo-bentuk-timpora-di-ngada-mukuvoka-jadi-desa-binaan
 */
const belu = (villageCode: string, adoptedOn: string, decreeDate: string | null, reasonNote: string): Seed => ({
  villageCode,
  unitCode: 'KANIM-ATAMBUA',
  regencyCode: '53.04',
  decreeNumber: null,
  decreeDate,
  reasons: ['border_village'],
  reasonNote,
  adoptedOn,
});
const rote = (villageCode: string): Seed => ({
  villageCode,
  unitCode: 'KANIM-KUPANG',
  regencyCode: '53.14',
  decreeNumber: null,
  decreeDate: '2025-07-24',
  reasons: ['many_migrant_workers'],
  reasonNote: 'Jumlah pekerja migran Indonesia yang tinggi.',
  adoptedOn: '2025-07-24',
});

export const adoptedVillageSeeds: Seed[] = [
  belu('53.04.02.2001', '2024-06-20', null, 'Berbatasan dengan PLBN Motaain dan jalur sungai yang dilintasi warga.'),
  belu('53.04.02.2002', '2024-08-12', '2024-08-12', 'Desa perbatasan dengan Timor-Leste.'),
  belu('53.04.02.2003', '2024-08-12', '2024-08-12', 'Desa perbatasan dengan Timor-Leste.'),
  rote('53.14.01.2010'),
  rote('53.14.01.2005'),
  rote('53.14.01.2016'),
  rote('53.14.01.2018'),
  rote('53.14.01.2006'),
  {
    villageCode: '53.09.06.2032',
    unitCode: 'KANIM-LABUAN-BAJO',
    regencyCode: '53.09',
    decreeNumber: null,
    decreeDate: '2025-09-16',
    reasons: ['other'],
    reasonNote: 'Ditetapkan bersama pembentukan Timpora Kabupaten Ngada; sumber tidak menyebut alasan pemilihan.',
    adoptedOn: '2025-09-16',
  },
];
