import type { IsoDate } from '../platform/calendar/wita.ts';
import { passStatusOn } from './find-pass-for-crossing.ts';
import type { BorderPass } from './schema.ts';

/** Where a card's QR leads: the public check of the pass. */
export const passVerifyUrl = (publicUrl: string, token: string) => `${publicUrl}/pas-lintas-batas/periksa/${token}`;

/** A pass as the API answers it (the photos stay in storage; the token only inside the check's address). */
export function passJson(pass: BorderPass, publicUrl: string, today: IsoDate) {
  return {
    id: pass.id,
    number: pass.number,
    status: pass.status,
    expired: passStatusOn(pass, today) === 'expired',
    unitCode: pass.unitCode,
    nik: pass.nik,
    fullName: pass.fullName,
    birthPlace: pass.birthPlace,
    birthDate: pass.birthDate,
    sex: pass.sex,
    address: pass.address,
    villageCode: pass.villageCode,
    endorsementNumber: pass.endorsementNumber,
    endorsementDate: pass.endorsementDate,
    issuedOn: pass.issuedOn,
    validUntil: pass.validUntil,
    channel: pass.channel,
    dutyId: pass.dutyId,
    replacesId: pass.replacesId,
    replacedById: pass.replacedById,
    verifyUrl: passVerifyUrl(publicUrl, pass.token),
  };
}
