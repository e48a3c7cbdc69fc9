import type { Executor } from '../platform/db/index.ts';
import { paymentChannels, type PaymentChannelKind } from './schema.ts';

type Seed = { code: string; kind: PaymentChannelKind; name: string; stepsId: string[]; stepsEn: string[] };

// Billing codes for PNBP are paid through the treasury's SIMPONI/MPN system, which every "bank persepsi", the post
// office and several marketplaces and e-wallets take. The list is data (the payment_channels table): a channel is
// corrected or switched off there, without a release; there is no admin page for it yet.
const teller = (code: string, name: string): Seed => ({
  code,
  kind: 'teller',
  name,
  stepsId: [
    'Datang ke teller {{name}} dan katakan Anda membayar PNBP (penerimaan negara).',
    'Sebutkan kode billing {{code}} dan bayar {{amount}}.',
    'Simpan bukti setoran yang memuat NTPN.',
  ],
  stepsEn: [
    'Go to a {{name}} teller and say you are paying PNBP (state revenue).',
    'Give the billing code {{code}} and pay {{amount}}.',
    'Keep the receipt that shows the NTPN.',
  ],
});
const atm = (code: string, name: string): Seed => ({
  code,
  kind: 'atm',
  name,
  stepsId: [
    'Di ATM {{name}} pilih Pembayaran, lalu Penerimaan Negara (MPN).',
    'Masukkan kode billing {{code}}.',
    'Periksa jumlah {{amount}}, lalu bayar dan simpan struknya.',
  ],
  stepsEn: [
    'At a {{name}} ATM choose Payment, then State Revenue (MPN).',
    'Enter the billing code {{code}}.',
    'Check the amount {{amount}}, then pay and keep the slip.',
  ],
});
const app = (code: string, kind: PaymentChannelKind, name: string): Seed => ({
  code,
  kind,
  name,
  stepsId: [
    'Buka {{name}} dan pilih menu pembayaran Penerimaan Negara / MPN / PNBP.',
    'Masukkan kode billing {{code}}.',
    'Periksa jumlah {{amount}}, bayar, dan simpan bukti yang memuat NTPN.',
  ],
  stepsEn: [
    'Open {{name}} and choose the State Revenue / MPN / PNBP payment menu.',
    'Enter the billing code {{code}}.',
    'Check the amount {{amount}}, pay, and keep the receipt with the NTPN.',
  ],
});

const channels: Seed[] = [
  teller('teller-bri', 'BRI'),
  teller('teller-bni', 'BNI'),
  teller('teller-mandiri', 'Bank Mandiri'),
  teller('teller-bsi', 'BSI'),
  teller('teller-bank-ntt', 'Bank NTT'),
  atm('atm-bri', 'BRI'),
  atm('atm-bni', 'BNI'),
  atm('atm-mandiri', 'Bank Mandiri'),
  {
    code: 'internet-banking',
    kind: 'internet_banking',
    name: 'Internet banking',
    stepsId: [
      'Masuk ke internet banking bank Anda dan pilih menu pembayaran Penerimaan Negara / MPN / PNBP.',
      'Masukkan kode billing {{code}}.',
      'Periksa jumlah {{amount}}, bayar, dan simpan bukti yang memuat NTPN.',
    ],
    stepsEn: [
      "Sign in to your bank's internet banking and choose the State Revenue / MPN / PNBP payment menu.",
      'Enter the billing code {{code}}.',
      'Check the amount {{amount}}, pay, and keep the receipt with the NTPN.',
    ],
  },
  app('mobile-brimo', 'mobile_banking', 'BRImo'),
  app('mobile-bni', 'mobile_banking', 'BNI Mobile Banking'),
  app('mobile-livin', 'mobile_banking', "Livin' by Mandiri"),
  app('mobile-bsi', 'mobile_banking', 'BSI Mobile'),
  {
    code: 'kantor-pos',
    kind: 'post_office',
    name: 'Kantor Pos',
    stepsId: [
      'Datang ke loket Kantor Pos dan katakan Anda membayar PNBP.',
      'Sebutkan kode billing {{code}} dan bayar {{amount}}.',
      'Simpan bukti pembayaran.',
    ],
    stepsEn: [
      'Go to a post office counter and say you are paying PNBP.',
      'Give the billing code {{code}} and pay {{amount}}.',
      'Keep the payment receipt.',
    ],
  },
  app('tokopedia', 'marketplace', 'Tokopedia'),
  app('bukalapak', 'marketplace', 'Bukalapak'),
  app('linkaja', 'e_wallet', 'LinkAja'),
];

/**
 * The payment channels every installation starts with, at every start; channels already there (and what was
 * changed in them) stay. A channel no longer wanted is switched off (`active`), not deleted: deleted, it comes back.
 */
export async function seedPaymentChannels(db: Executor): Promise<void> {
  await db
    .insert(paymentChannels)
    .values(channels.map((c, i) => ({ ...c, sortOrder: i })))
    .onConflictDoNothing();
}
