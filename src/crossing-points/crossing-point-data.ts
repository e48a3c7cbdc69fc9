import type { OpeningHours } from '../units/schema.ts';
import type { CrossingDocument, CrossingPointKind } from './schema.ts';

export type SeedCrossingPoint = {
  code: string;
  name: string;
  kind: CrossingPointKind;
  unitCode: string;
  counterpart: string | null;
  serviceHours: OpeningHours | null;
  documents: CrossingDocument[];
  source: string;
};

const daily = (open: string, close: string): OpeningHours => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
  sat: [[open, close]],
  sun: [[open, close]],
});

const plbPoints =
  'https://www.katantt.com/artikel/48777/-ri-minta-timor-leste-aktifkan-pas-lintas-batas-saat-kunjungan-paus-ke-dili/';
const plbnList =
  'https://infohaji.antaranews.com/berita/4056150/imigrasi-atambua-catat-jumlah-pelintas-batas-capai-1335-sehari';
const both: CrossingDocument[] = ['passport', 'plb'];
/** A traditional crossing is for border residents with a Pas Lintas Batas (RI–RDTL arrangement, June 2003). */
const plbOnly: CrossingDocument[] = ['plb'];

/**
 * The crossing points the sources name (shared/domain-oversight.md §5.2, shared/domain.md). A counterpart or service
 * hours that no source gives are left empty for officers to fill in rather than guessed: Motamasin's, Oepoli's and
 * Maritaing's counterparts are not named, and only Motaain's hours are published. El Tari and Tenau are Kupang's
 * international airport and seaport: the sources say only that the Kupang office keeps a TPI ("Kantor Imigrasi Kelas
 * I TPI Kupang") and count NTT's TPI crossings, without naming the ports.
 */
export const crossingPointSeeds: SeedCrossingPoint[] = [
  {
    code: 'MOTAAIN',
    name: 'PLBN Motaain',
    kind: 'plbn',
    unitCode: 'PLBN-MOTAAIN',
    counterpart: 'Batugade (Bobonaro, Timor-Leste)',
    serviceHours: daily('08:00', '16:00'),
    documents: both,
    source: `${plbnList} · ${plbPoints} · hours: https://kupang.tribunnews.com/2022/05/10/ini-data-perlintasan-orang-di-plbn-motaain-selama-liburan-idul-fitri-1443-h`,
  },
  {
    code: 'MOTAMASIN',
    name: 'PLBN Motamasin',
    kind: 'plbn',
    unitCode: 'PLBN-MOTAMASIN',
    counterpart: null,
    serviceHours: null,
    documents: both,
    source: `${plbnList} · https://kupang.tribunnews.com/regional-ntt/932120/pas-lintas-batas-belum-berlaku-di-plbn-motamasin`,
  },
  {
    code: 'WINI',
    name: 'PLBN Wini',
    kind: 'plbn',
    unitCode: 'PLBN-WINI',
    counterpart: 'Wini (Oecusse, Timor-Leste)',
    serviceHours: null,
    documents: both,
    source: `${plbnList} · ${plbPoints} (Haumusu C/Wini–Wini)`,
  },
  {
    code: 'NAPAN',
    name: 'PLBN Napan',
    kind: 'plbn',
    unitCode: 'PLBN-NAPAN',
    counterpart: 'Bobometo (Oecusse, Timor-Leste)',
    serviceHours: null,
    documents: both,
    source: `https://kupang.antaranews.com/amp/berita/128502/kanim-atambua-perkuat-koordinasi-timpora-tingkat-kecamatan · ${plbPoints} (Napan–Bobometo)`,
  },
  {
    code: 'METAMAUK',
    name: 'Pos Lintas Batas Tradisional Metamauk',
    kind: 'traditional',
    unitCode: 'KANIM-ATAMBUA',
    counterpart: 'Salele (Covalima, Timor-Leste)',
    serviceHours: null,
    documents: plbOnly,
    source: `${plbPoints} (Metamauk–Salele)`,
  },
  {
    code: 'HAEKESAK',
    name: 'Pos Lintas Batas Tradisional Haekesak/Turiskain',
    kind: 'traditional',
    unitCode: 'KANIM-ATAMBUA',
    counterpart: 'Tunubibi (Bobonaro, Timor-Leste)',
    serviceHours: null,
    documents: plbOnly,
    source: `${plbPoints} (Haekesak/Turiskain–Tunubibi)`,
  },
  {
    code: 'BUILALO',
    name: 'Pos Lintas Batas Tradisional Builalo',
    kind: 'traditional',
    unitCode: 'KANIM-ATAMBUA',
    counterpart: 'Memo (Bobonaro, Timor-Leste)',
    serviceHours: null,
    documents: plbOnly,
    source: `${plbPoints} (Builalo–Memo)`,
  },
  {
    code: 'HAUMENIANA',
    name: 'Pos Lintas Batas Tradisional Haumeniana',
    kind: 'traditional',
    unitCode: 'KANIM-ATAMBUA',
    counterpart: 'Pasabe (Oecusse, Timor-Leste)',
    serviceHours: null,
    documents: plbOnly,
    source:
      'https://kupang.antaranews.com/amp/berita/75573/kantor-imigrasi-atambua-bentuk-tim-pengawasan-orang-asing-di-perbatasan (Haumeniana, Bikomi Nilulat ↔ Pasabe)',
  },
  {
    code: 'OEPOLI',
    name: 'Pos Lintas Batas Tradisional Oepoli',
    kind: 'traditional',
    unitCode: 'POS-OEPOLI',
    counterpart: null,
    serviceHours: null,
    documents: plbOnly,
    source: 'shared/domain.md (Kanim Kelas I TPI Kupang: Pos Lintas Batas Tradisional Oepoli); seed 001',
  },
  {
    code: 'MARITAING',
    name: 'Pos Lintas Batas Laut Maritaing',
    kind: 'traditional',
    unitCode: 'POS-MARITAING',
    counterpart: null,
    serviceHours: null,
    documents: plbOnly,
    source: 'shared/domain.md (Kanim Kelas I TPI Kupang: Pos Lintas Batas Laut Maritaing, Alor); seed 001',
  },
  {
    code: 'EL-TARI',
    name: 'TPI Bandar Udara El Tari, Kupang',
    kind: 'air',
    unitCode: 'KANIM-KUPANG',
    counterpart: null,
    serviceHours: null,
    documents: ['passport'],
    source:
      'shared/domain.md (Kantor Imigrasi Kelas I TPI Kupang) · NTT TPI totals 2023: https://ttu.inews.id/read/385001/kumham-ntt-catat-prestasi-gemilang-di-bidang-imigrasi-dan-ranperda (the airport is not named)',
  },
  {
    code: 'TENAU',
    name: 'TPI Pelabuhan Tenau, Kupang',
    kind: 'sea',
    unitCode: 'KANIM-KUPANG',
    counterpart: null,
    serviceHours: null,
    documents: ['passport'],
    source:
      'shared/domain.md (Kantor Imigrasi Kelas I TPI Kupang) · NTT TPI totals 2023: https://ttu.inews.id/read/385001/kumham-ntt-catat-prestasi-gemilang-di-bidang-imigrasi-dan-ranperda (the seaport is not named)',
  },
  {
    code: 'KOMODO',
    name: 'TPI Bandar Udara Komodo, Labuan Bajo',
    kind: 'air',
    unitCode: 'KANIM-LABUAN-BAJO',
    counterpart: null,
    serviceHours: null,
    documents: ['passport'],
    source:
      'https://www.selalukabar.com/imigrasi-labuan-bajo-tingkatkan-pengawasan-laut-cegah-pelanggaran-149888.html (airport arrivals and departures 2025)',
  },
  {
    code: 'LABUAN-BAJO',
    name: 'TPI Pelabuhan Labuan Bajo',
    kind: 'sea',
    unitCode: 'KANIM-LABUAN-BAJO',
    counterpart: null,
    serviceHours: null,
    documents: ['passport'],
    source:
      'https://www.selalukabar.com/imigrasi-labuan-bajo-tingkatkan-pengawasan-laut-cegah-pelanggaran-149888.html (sea TPI: cruise ships, yachts)',
  },
];

/**
 * The switch every PLB point starts with: off. Timor-Leste has refused the Pas Lintas Batas since COVID-19 and asks
 * for passports (Motamasin, September 2025); Indonesia asked for reactivation in April 2024. The sources give no
 * day: March 2020 is when Timor-Leste closed its border for the pandemic.
 */
export const initialPlbSwitch = {
  accepts: false,
  effectiveFrom: '2020-03-01',
  reason:
    'Timor-Leste tidak menerima PLB sejak pandemi COVID-19; paspor diwajibkan. https://kupang.tribunnews.com/regional-ntt/932120/pas-lintas-batas-belum-berlaku-di-plbn-motamasin · https://www.katantt.com/artikel/48777/-ri-minta-timor-leste-aktifkan-pas-lintas-batas-saat-kunjungan-paus-ke-dili/',
  requestId: 'seed-covid-2020',
};
