import type { regions as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const regions: Messages<typeof id> = {
  province: 'Province',
  regency: 'Regency/city',
  district: 'District',
  village: 'Village',
  choose: '— choose —',
  refresh: 'Show the next choices',
};
