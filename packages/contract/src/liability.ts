import type Decimal from "decimal.js";
import { addDays, addMonths, assertIsoDate, compareDates, type IsoDate } from "./dates";
import { formatMoney, MoneyDecimal, parseMoney, roundToCent, type Money } from "./money";

/** T 11.3.1: data-protection breaches, at most 500 % of the fees paid in the 12 months before the event. */
export const DATA_PROTECTION_CAP_PERCENT = 500;

/** T 11.3.2: all other claims, at most 125 % of the fees paid and payable in those 12 months. */
export const OTHER_CLAIMS_CAP_PERCENT = 125;

/** T 11.3: the look-back period before the event. */
export const LIABILITY_LOOKBACK_MONTHS = 12;

export interface FeePayment {
  /** When it was paid; for an amount not paid, the day it fell due. */
  date: IsoDate;
  amount: Money;
  /** `false` for an amount payable (due) but not paid. */
  paid: boolean;
}

export interface LiabilityCaps {
  /** First day of the 12 months before the event. */
  periodStart: IsoDate;
  /** Last day counted: the day before the event. */
  periodEnd: IsoDate;
  feesPaid: Money;
  feesPaidAndPayable: Money;
  /** T 11.3.1 */
  dataProtectionCap: Money;
  /** T 11.3.2 */
  otherClaimsCap: Money;
}

function percentOf(amount: Decimal, percent: number): Money {
  return formatMoney(roundToCent(amount.times(percent).dividedBy(100)));
}

/**
 * The provider's liability caps for an event on `eventDate` (T 11.3).
 *
 * Interpretation (not spelled out in RULES.md): "the 12 months immediately preceding the
 * event" are the days from event date − 12 months through the day before the event; a
 * payment on the event day itself is not counted. Caps are rounded half-up to the cent.
 */
export function liabilityCaps(payments: readonly FeePayment[], eventDate: IsoDate): LiabilityCaps {
  assertIsoDate(eventDate, "eventDate");
  const periodStart = addMonths(eventDate, -LIABILITY_LOOKBACK_MONTHS);
  const periodEnd = addDays(eventDate, -1);
  let paid: Decimal = new MoneyDecimal(0);
  let paidAndPayable: Decimal = new MoneyDecimal(0);
  for (const payment of payments) {
    const amount = parseMoney(payment.amount, "payment amount");
    assertIsoDate(payment.date, "payment date");
    const inPeriod = compareDates(payment.date, periodStart) >= 0 && compareDates(payment.date, periodEnd) <= 0;
    if (!inPeriod) continue;
    paidAndPayable = paidAndPayable.plus(amount);
    if (payment.paid) paid = paid.plus(amount);
  }
  return {
    periodStart,
    periodEnd,
    feesPaid: formatMoney(paid),
    feesPaidAndPayable: formatMoney(paidAndPayable),
    dataProtectionCap: percentOf(paid, DATA_PROTECTION_CAP_PERCENT),
    otherClaimsCap: percentOf(paidAndPayable, OTHER_CLAIMS_CAP_PERCENT),
  };
}
