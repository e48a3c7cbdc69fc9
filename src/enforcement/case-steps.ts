import type { IsoDate } from '../platform/calendar/wita.ts';
import type { MeasureType } from './schema.ts';

export type MeasureInput = {
  type: MeasureType;
  /** The legal basis in words; the action's article of Pasal 75(2) when not given. */
  basis?: string | null;
  detail?: string | null;
  validUntil?: IsoDate | null;
  /** The stay permit a permit action names. */
  permitId?: string | null;
};

export type DeportationInput = {
  departOn: IsoDate;
  carrier: string;
  ticketNumber: string;
  flightOrVessel?: string | null;
  crossingPointCode: string;
  escorts: string[];
  embassy: string;
  letterNumber: string;
};

/** What each step of a case takes, as the forms and the API send it. */
export type CaseStepInput =
  | { step: 'examine'; examinedOn: IsoDate; examiner: string; place: string; statement: string }
  | { step: 'attachBap'; bapKey: string }
  | { step: 'opine'; opinion: string; proposed: MeasureType[] }
  | { step: 'decide'; decisionNumber: string; decidedOn?: IsoDate | null; measures: MeasureInput[] }
  | { step: 'execute'; measureId: string; note?: string | null; deportation?: DeportationInput | null }
  | { step: 'close'; note?: string | null }
  | { step: 'closePaid' }
  | { step: 'withdraw'; reason: string };
