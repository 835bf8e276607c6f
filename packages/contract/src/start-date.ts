import { addDays, assertIsoDate, compareDates, type IsoDate } from "./dates";

/** L definition 6: without training, billing starts no later than this many days after the contract date. */
export const LATEST_START_DAYS_AFTER_CONTRACT_DATE = 30;

export interface StartDateInput {
  /** The date on the order form (T definitions, "contract date"). */
  contractDate: IsoDate;
  /** The date of the first training session, if one is given or planned. */
  firstTrainingDate?: IsoDate | null;
}

/**
 * The product start date: the day the initial product term begins (L definition 6).
 *
 * Interpretation (RULES.md §3): start = the first training date if it is on or before
 * contract date + 30 days, otherwise contract date + 30 days. A late training session, or
 * none at all, therefore never delays billing beyond contract date + 30 days.
 */
export function productStartDate(input: StartDateInput): IsoDate {
  const contractDate = assertIsoDate(input.contractDate, "contractDate");
  const latestStart = addDays(contractDate, LATEST_START_DAYS_AFTER_CONTRACT_DATE);
  if (input.firstTrainingDate == null) return latestStart;
  const training = assertIsoDate(input.firstTrainingDate, "firstTrainingDate");
  return compareDates(training, latestStart) <= 0 ? training : latestStart;
}
