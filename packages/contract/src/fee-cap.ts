import Decimal from "decimal.js";
import { contractYearOf, contractYearStart } from "./contract-year";
import { assertIsoDate, compareDates, firstOfMonthOnOrAfter, firstOfNextMonth, type IsoDate } from "./dates";
import { formatMoney, MoneyDecimal, parseMoney, roundToCent, type Money } from "./money";

/** Why a monthly fee changes. Only the first two are "capped rises" under T 4.4. */
export type FeeChangeReason = "yearly_rise" | "documented_cost_increase" | "ordered_services" | "tier_change";

export interface FeeHistoryEntry {
  /** First day the fee applies. */
  effectiveDate: IsoDate;
  monthlyFee: Money;
  /** `initial` for the fee on the order form. */
  reason: "initial" | FeeChangeReason;
  evidenceReference?: string;
}

export interface ProposedFeeChange {
  /**
   * For a yearly rise or documented cost increase: the day the provider wants the new fee
   * to apply from. For ordered services or a tier change: the day of the order or change.
   */
  date: IsoDate;
  /** The proposed new monthly fee. */
  amount: Money;
  reason: FeeChangeReason;
  /** Required for `documented_cost_increase`: where the cost evidence given to the customer is. */
  evidenceReference?: string;
}

export type FeeChangeRefusalCode =
  | "precedes_recorded_change"
  | "first_contract_year"
  | "already_raised_this_contract_year"
  | "not_a_rise"
  | "above_cap"
  | "evidence_required";

interface FeeChangeOutcome {
  /** When the change takes (or, if refused, could at the earliest take) effect. */
  effectiveDate: IsoDate;
  /** The monthly fee in force on `effectiveDate` before this change. */
  feeInForce: Money;
  /**
   * Yearly rise or documented cost increase: the 5 % cap on `effectiveDate` (an accepted
   * documented cost increase may exceed it and reports `null`). Ordered services or a tier
   * change: `null`, no cap applies.
   */
  maxAllowed: Money | null;
}

export type FeeChangeDecision =
  | ({ allowed: true } & FeeChangeOutcome)
  | ({
      allowed: false;
      reason: { code: FeeChangeRefusalCode; message: string };
    } & FeeChangeOutcome);

/** T 4.4: fees do not change during the first 12 months (contract year 1) unless services are ordered. */
export const FEE_FREEZE_CONTRACT_YEARS = 1;

/** T 4.4: after the first 12 months the provider may raise fees by 5 % a year. */
export const YEARLY_RISE_CAP_PERCENT = 5;

/** Interpretation (RULES.md §4): at most one capped rise per contract year; unused rises are not carried over. */
export const CAPPED_RISES_PER_CONTRACT_YEAR = 1;

/**
 * Interpretation (not in RULES.md): the 5 % cap is rounded *down* to the cent, so an
 * accepted yearly rise is never even a fraction of a cent above 5 % (half-up rounding of
 * 10.10 × 1.05 = 10.605 would allow 10.61, a 5.05 % rise).
 */
export const YEARLY_RISE_CAP_ROUNDING = Decimal.ROUND_DOWN;

/**
 * Interpretation (RULES.md §4): a documented cost increase also counts as the contract
 * year's one rise: T 4.4 lets the provider pass on higher costs *instead of* the 5 %.
 */
const CAPPED_RISE_REASONS: ReadonlySet<string> = new Set(["yearly_rise", "documented_cost_increase"]);

/**
 * When a yearly rise or documented cost increase takes effect (T 4.4).
 *
 * Interpretation (not in RULES.md): on the first 1st of a month on or after the requested
 * date. Monthly fees are invoiced on the 1st (T 4.2), so a fee never changes mid-month and
 * no invoice needs two rates.
 */
export function cappedRiseEffectiveDate(requestedDate: IsoDate): IsoDate {
  return firstOfMonthOnOrAfter(assertIsoDate(requestedDate, "date"));
}

/**
 * When a fee change caused by ordered services or a tier change takes effect
 * (T 1.5, T 4.4; RULES.md §4): the 1st of the month after the order or change.
 */
export function orderedChangeEffectiveDate(changeDate: IsoDate): IsoDate {
  return firstOfNextMonth(assertIsoDate(changeDate, "date"));
}

/** The highest fee a yearly rise may set: the fee in force + 5 %, rounded down to the cent (T 4.4). */
export function yearlyRiseCap(feeInForce: Money): Money {
  const factor = new MoneyDecimal(100 + YEARLY_RISE_CAP_PERCENT).dividedBy(100);
  return formatMoney(roundToCent(parseMoney(feeInForce).times(factor), YEARLY_RISE_CAP_ROUNDING));
}

/** History in date order; entries on the same day keep their recorded order (the last one wins). */
function sortedHistory(history: readonly FeeHistoryEntry[]): FeeHistoryEntry[] {
  if (history.length === 0) throw new RangeError("Fee history is empty: record the initial fee first");
  for (const entry of history) {
    assertIsoDate(entry.effectiveDate, "effectiveDate");
    parseMoney(entry.monthlyFee, "monthlyFee");
  }
  return [...history].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
}

/**
 * The monthly fee in force on `day` (T 4.4): the latest history entry effective on or before it.
 * @throws RangeError if no fee was in force yet.
 */
export function feeInForce(history: readonly FeeHistoryEntry[], day: IsoDate): Money {
  assertIsoDate(day, "day");
  const applicable = sortedHistory(history).filter((e) => compareDates(e.effectiveDate, day) <= 0);
  const current = applicable[applicable.length - 1];
  if (!current) throw new RangeError(`No monthly fee was in force on ${day}`);
  return formatMoney(parseMoney(current.monthlyFee));
}

function cappedRisesInYear(history: readonly FeeHistoryEntry[], startDate: IsoDate, year: number): number {
  return history.filter(
    (e) =>
      CAPPED_RISE_REASONS.has(e.reason) &&
      compareDates(e.effectiveDate, startDate) >= 0 &&
      contractYearOf(startDate, e.effectiveDate) === year,
  ).length;
}

/**
 * Decides whether a proposed monthly-fee change is allowed (T 4.4, T 1.5; RULES.md §4).
 *
 * - Ordered services or a tier change: always allowed, any amount, effective from the 1st
 *   of the following month.
 * - Yearly rise: not in contract year 1; at most one capped rise per contract year (years
 *   counted from the product start date); at most 5 % above the fee then in force; an
 *   unused rise is not carried over (the cap is always 5 % of the current fee).
 * - Documented cost increase: the same timing rules, any amount, but only with a reference
 *   to the evidence shown to the customer.
 *
 * A refusal carries a stable `code`, an English message, and the effective date and
 * maximum that would be allowed: for timing refusals, the earliest possible date.
 */
export function checkFeeChange(input: {
  history: readonly FeeHistoryEntry[];
  productStartDate: IsoDate;
  proposed: ProposedFeeChange;
}): FeeChangeDecision {
  const startDate = assertIsoDate(input.productStartDate, "productStartDate");
  const history = sortedHistory(input.history);
  const { proposed } = input;
  const amount = parseMoney(proposed.amount, "proposed amount");
  const capped = CAPPED_RISE_REASONS.has(proposed.reason);
  const effectiveDate = capped ? cappedRiseEffectiveDate(proposed.date) : orderedChangeEffectiveDate(proposed.date);

  const outcomeOn = (day: IsoDate): FeeChangeOutcome => {
    const fee = feeInForce(history, day);
    return {
      effectiveDate: day,
      feeInForce: fee,
      maxAllowed: capped ? yearlyRiseCap(fee) : null,
    };
  };
  const refuse = (code: FeeChangeRefusalCode, message: string, day = effectiveDate): FeeChangeDecision => ({
    allowed: false,
    reason: { code, message },
    ...outcomeOn(day),
  });

  const latest = history[history.length - 1] as FeeHistoryEntry;
  if (compareDates(effectiveDate, latest.effectiveDate) < 0) {
    return {
      allowed: false,
      reason: {
        code: "precedes_recorded_change",
        message: `A change effective ${effectiveDate} would precede the recorded change effective ${latest.effectiveDate}.`,
      },
      effectiveDate,
      feeInForce: formatMoney(parseMoney(latest.monthlyFee)),
      maxAllowed: null,
    };
  }

  if (!capped) return { allowed: true, ...outcomeOn(effectiveDate) };

  const firstRiseYear = FEE_FREEZE_CONTRACT_YEARS + 1;
  if (compareDates(effectiveDate, contractYearStart(startDate, firstRiseYear)) < 0) {
    const earliest = firstOfMonthOnOrAfter(contractYearStart(startDate, firstRiseYear));
    return refuse(
      "first_contract_year",
      `Fees cannot rise during the first 12 months (contract year 2 starts on ${contractYearStart(startDate, firstRiseYear)}); the earliest rise takes effect on ${earliest}.`,
      earliest,
    );
  }

  const year = contractYearOf(startDate, effectiveDate);
  if (cappedRisesInYear(history, startDate, year) >= CAPPED_RISES_PER_CONTRACT_YEAR) {
    const earliest = firstOfMonthOnOrAfter(contractYearStart(startDate, year + 1));
    return refuse(
      "already_raised_this_contract_year",
      `The fee has already been raised in contract year ${year}; the next rise can take effect on ${earliest}.`,
      earliest,
    );
  }

  const outcome = outcomeOn(effectiveDate);
  if (amount.lessThanOrEqualTo(parseMoney(outcome.feeInForce))) {
    return refuse(
      "not_a_rise",
      `${formatMoney(amount)} is not above the fee in force (${outcome.feeInForce}); only ordered services or a tier change can lower it.`,
    );
  }

  if (proposed.reason === "documented_cost_increase") {
    if (!proposed.evidenceReference?.trim()) {
      return refuse(
        "evidence_required",
        "A documented cost increase needs a reference to the evidence given to the customer.",
      );
    }
    return { allowed: true, ...outcome, maxAllowed: null };
  }

  const maxAllowed = outcome.maxAllowed as Money;
  if (amount.greaterThan(parseMoney(maxAllowed))) {
    return refuse(
      "above_cap",
      `A yearly rise may be at most ${YEARLY_RISE_CAP_PERCENT} % (${maxAllowed}); a larger rise needs a documented cost increase.`,
    );
  }
  return { allowed: true, ...outcome };
}
