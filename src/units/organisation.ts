import type { OpeningHours, UnitKind, UnitService, UnitState } from './schema.ts';

export type SeedUnit = {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  regencyCode: string;
  address: string;
  state: UnitState;
  /** When a source dates the state; else left unrecorded. */
  stateSince?: string;
  services: UnitService[];
  openingHours: OpeningHours;
};

const weekdayHours = (open: string, close: string, friday = close): Omit<OpeningHours, 'sat' | 'sun'> => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, friday]],
});
const officeHours: OpeningHours = { ...weekdayHours('08:00', '16:00', '16:30'), sat: [], sun: [] };
/** si Koe TOS: passports are handed over on Saturday mornings at the Kantor Imigrasi. */
const officeWithSaturday: OpeningHours = { ...officeHours, sat: [['08:00', '12:00']] };
const postHours: OpeningHours = { ...weekdayHours('08:00', '15:00'), sat: [], sun: [] };
const crossingHours: OpeningHours = {
  mon: [['08:00', '16:00']],
  tue: [['08:00', '16:00']],
  wed: [['08:00', '16:00']],
  thu: [['08:00', '16:00']],
  fri: [['08:00', '16:00']],
  sat: [['08:00', '16:00']],
  sun: [['08:00', '16:00']],
};

const kanimServices: UnitService[] = [
  'passport',
  'eazy_paspor',
  'koe_tos',
  'koe_peduli',
  'stay_permit',
  'lodging_report',
  'complaints',
];
const postServices: UnitService[] = ['passport', 'stay_permit', 'complaints'];
const borderPostServices: UnitService[] = ['border_crossing', 'border_pass', 'complaints'];

const kanim = (code: string, name: string, regencyCode: string, address: string): SeedUnit => ({
  code,
  name,
  kind: 'kanim',
  parentCode: 'KANWIL-NTT',
  regencyCode,
  address,
  state: 'active',
  services: kanimServices,
  openingHours: officeWithSaturday,
});
const post = (
  code: string,
  name: string,
  parentCode: string,
  regencyCode: string,
  address: string,
  state: UnitState,
  services = postServices,
  stateSince?: string,
): SeedUnit => ({
  code,
  name,
  kind: 'pos',
  parentCode,
  regencyCode,
  address,
  state,
  ...(stateSince ? { stateSince } : {}),
  services,
  openingHours: postHours,
});
const plbn = (code: string, name: string, regencyCode: string, address: string): SeedUnit => ({
  code,
  name,
  kind: 'plbn',
  parentCode: 'KANIM-ATAMBUA',
  regencyCode,
  address,
  state: 'active',
  services: ['border_crossing', 'border_pass'],
  openingHours: crossingHours,
});

/**
 * The Kanwil announced on 13 January 2023 that it would revitalise and reactivate four posts of Kanim Kupang
 * (Maritaing, Sumba Tengah, Oepoli, Rote Ndao):
 * https://amp.kompas.com/regional/read/2023/01/13/213140078/4-pos-imigrasi-di-ntt-bakal-direvitalisasi
 * Sumba Tengah was still being revitalised on 8 October 2024:
 * https://ntt.kemenkumham.go.id/berita-utama/pantau-pos-imigrasi-sumba-tengah-marciana-upaya-percepatan-dan-mendekatkan-pelayanan-keimigrasian-bagi-masyarakat-di-pulau-sumba
 * So the two posts still under revitalisation date it from that announcement; no source dates the normalisation of
 * Maritaing and Rote Ndao or the opening of the other posts, whose state since stays unrecorded.
 */
const revitalisationAnnounced = '2023-01-13';

/**
 * The NTT organisation from shared/domain.md. Posts' states follow the 2023–2024 revitalisation reports; street
 * addresses are not in the sources, so each unit starts with its regency and admins complete them in the UI.
 */
export const organisation: SeedUnit[] = [
  {
    code: 'KANWIL-NTT',
    name: 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur',
    kind: 'kanwil',
    parentCode: null,
    regencyCode: '53.71',
    address: 'Kota Kupang, Nusa Tenggara Timur',
    state: 'active',
    services: ['complaints'],
    openingHours: officeHours,
  },
  kanim('KANIM-KUPANG', 'Kantor Imigrasi Kelas I TPI Kupang', '53.71', 'Kota Kupang, Nusa Tenggara Timur'),
  post(
    'POS-OEPOLI',
    'Pos Lintas Batas Tradisional Oepoli',
    'KANIM-KUPANG',
    '53.01',
    'Oepoli, Kabupaten Kupang',
    'under_revitalisation',
    borderPostServices,
    revitalisationAnnounced,
  ),
  post(
    'POS-MARITAING',
    'Pos Lintas Batas Laut Maritaing',
    'KANIM-KUPANG',
    '53.05',
    'Maritaing, Kabupaten Alor',
    'normalised',
    borderPostServices,
  ),
  post(
    'POS-ROTE-NDAO',
    'Pos Pengawasan Keimigrasian Rote Ndao',
    'KANIM-KUPANG',
    '53.14',
    'Kabupaten Rote Ndao',
    'normalised',
  ),
  post(
    'POS-SUMBA-TENGAH',
    'Pos Pengawasan Keimigrasian Sumba Tengah',
    'KANIM-KUPANG',
    '53.17',
    'Kabupaten Sumba Tengah, Pulau Sumba',
    'under_revitalisation',
    postServices,
    revitalisationAnnounced,
  ),
  kanim('KANIM-MAUMERE', 'Kantor Imigrasi Maumere', '53.07', 'Maumere, Kabupaten Sikka'),
  post('POS-LEMBATA', 'Pos Imigrasi Lembata', 'KANIM-MAUMERE', '53.13', 'Kabupaten Lembata', 'active'),
  post('POS-ENDE', 'Pos Imigrasi Ende', 'KANIM-MAUMERE', '53.08', 'Kabupaten Ende', 'active'),
  kanim('KANIM-ATAMBUA', 'Kantor Imigrasi Atambua', '53.04', 'Atambua, Kabupaten Belu'),
  post(
    'POS-KEFAMENANU',
    'Pos Imigrasi Kefamenanu',
    'KANIM-ATAMBUA',
    '53.03',
    'Kefamenanu, Kabupaten Timor Tengah Utara',
    'active',
  ),
  plbn('PLBN-MOTAAIN', 'Pos Lintas Batas Negara Motaain', '53.04', 'Motaain, Kabupaten Belu'),
  plbn('PLBN-MOTAMASIN', 'Pos Lintas Batas Negara Motamasin', '53.21', 'Motamasin, Kabupaten Malaka'),
  plbn('PLBN-WINI', 'Pos Lintas Batas Negara Wini', '53.03', 'Wini, Kabupaten Timor Tengah Utara'),
  plbn('PLBN-NAPAN', 'Pos Lintas Batas Negara Napan', '53.03', 'Napan, Kabupaten Timor Tengah Utara'),
  kanim('KANIM-LABUAN-BAJO', 'Kantor Imigrasi Labuan Bajo', '53.15', 'Labuan Bajo, Kabupaten Manggarai Barat'),
  post('POS-BAJAWA', 'Pos Imigrasi Bajawa', 'KANIM-LABUAN-BAJO', '53.09', 'Bajawa, Kabupaten Ngada', 'active'),
  post('POS-RUTENG', 'Pos Imigrasi Ruteng', 'KANIM-LABUAN-BAJO', '53.10', 'Ruteng, Kabupaten Manggarai', 'active'),
  {
    code: 'RUDENIM-KUPANG',
    name: 'Rumah Detensi Imigrasi Kupang',
    kind: 'rudenim',
    parentCode: 'KANWIL-NTT',
    regencyCode: '53.71',
    address: 'Kota Kupang, Nusa Tenggara Timur',
    state: 'active',
    services: ['detention', 'complaints'],
    openingHours: officeHours,
  },
];
