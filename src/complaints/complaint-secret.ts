import { holderSecret, newTrackingCode } from '../platform/auth/holder-secret.ts';

/** "PG" (pengaduan) and ten characters, told apart from application ("SK…") and visit ("KP…") codes. */
export const newComplaintCode = () => newTrackingCode('PG');

/** The complaint's secret (platform's holder secret); the purpose keeps it apart from other records' secrets. */
export const complaintSecret = (key: string, requestId: string | null) =>
  holderSecret(key, 'complaint-secret', requestId);
