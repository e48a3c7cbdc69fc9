import { documentKinds } from '../applications/document-kinds.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';

/** The screening questions an interviewer ticks; stored by key in the interview's checklist. */
export const traffickingIndicators = [
  'no_return_ticket',
  'recruiter_present',
  'sponsor_unknown',
  'documents_inconsistent',
  'coached_answers',
  'underage_worker',
] as const;

type Form = Record<string, unknown>;

const text = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const list = (form: Form, name: string): string[] => {
  const v = form[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
};
const number = (form: Form, name: string) => {
  const v = text(form, name);
  return v && /^\d{1,3}$/.test(v) ? Number(v) : v;
};
const isFile = (v: unknown): v is UploadedFile =>
  !!v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).bytes);

/**
 * The case page's form fields as an action body (CaseActionBody then validates it as it does the API's JSON): one
 * radio per document (`doc_<kind>`: accepted, refused or not brought) with `reason_<kind>`, the photo as an upload,
 * checkboxes as "yes". Anything the step does not use is dropped.
 */
export function actionFromForm(form: Form): Record<string, unknown> {
  const type = text(form, 'type');
  const base = { type, requestId: text(form, 'requestId') };
  switch (type) {
    case 'release':
      return { ...base, reason: text(form, 'reason') };
    case 'document_check':
      return {
        ...base,
        documents: documentKinds
          .filter((kind) => form[`doc_${kind}`] === 'accepted' || form[`doc_${kind}`] === 'refused')
          .map((kind) => ({
            kind,
            accepted: form[`doc_${kind}`] === 'accepted',
            reason: text(form, `reason_${kind}`),
          })),
      };
    case 'capture_biometrics': {
      const photo = form.photo;
      return {
        ...base,
        photo: isFile(photo) ? photo.bytes.toString('base64') : undefined,
        fingerprints: {
          device: text(form, 'device'),
          quality: number(form, 'quality'),
          fingers: number(form, 'fingers'),
        },
      };
    }
    case 'interview':
      return {
        ...base,
        checklist: {
          purpose: text(form, 'purpose'),
          destination: text(form, 'destination'),
          sponsor: text(form, 'sponsor'),
          workRecommendation: text(form, 'workRecommendation'),
          answersConsistent: form.answersConsistent === 'yes',
          traffickingIndicators: list(form, 'indicators').filter((i) =>
            (traffickingIndicators as readonly string[]).includes(i),
          ),
        },
        outcome: text(form, 'outcome'),
        reasonCode: text(form, 'reasonCode'),
        reason: text(form, 'reason'),
        warningsAcknowledged: list(form, 'warningsAcknowledged'),
      };
    case 'print':
      return { ...base, familyName: form.noFamilyName === 'yes' ? '' : text(form, 'familyName') };
    case 'adjudicate':
      return { ...base, decision: text(form, 'decision'), reason: text(form, 'reason') };
    case 'quality_check':
      return {
        ...base,
        passed: form.passed === 'yes' ? true : form.passed === 'no' ? false : undefined,
        reason: text(form, 'reason'),
      };
    case 'hand_over': {
      const recipient = text(form, 'recipient');
      const proxy = {
        name: text(form, 'proxyName'),
        nik: text(form, 'proxyNik'),
        powerOfAttorneyNumber: text(form, 'proxyPowerOfAttorney'),
      };
      return {
        ...base,
        identityChecked: form.identityChecked === 'yes',
        recipient,
        proxy: recipient === 'proxy' ? proxy : undefined,
      };
    }
    default:
      return base;
  }
}
