import Decimal from "decimal.js";

/**
 * Money at the API boundary: an exact decimal string with at most two decimals
 * (`"1234.50"`, `"99"`, `"0.5"`). Results are always written with two decimals.
 * Arithmetic uses decimal.js, never binary floating point.
 */
export type Money = string;

/**
 * Decimal constructor for every money calculation in this package. A private clone, so
 * nothing here depends on (or changes) the global decimal.js configuration; 40
 * significant digits means nothing is rounded before the final rounding to the cent.
 */
export const MoneyDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
});

/** Rounding used for money unless a rule says otherwise (RULES.md §4: half-up to the cent). */
export const MONEY_ROUNDING = Decimal.ROUND_HALF_UP;

const MONEY_PATTERN = /^\d{1,15}(\.\d{1,2})?$/;

/**
 * Parses a non-negative amount with at most two decimals.
 * @throws RangeError for anything else (negative, three decimals, `"1e3"`, `""`).
 */
export function parseMoney(value: Money, label = "amount"): Decimal {
  if (!MONEY_PATTERN.test(value)) {
    throw new RangeError(
      `Invalid ${label} "${value}": expected a non-negative amount with at most two decimals, e.g. "1234.50"`,
    );
  }
  return new MoneyDecimal(value);
}

/** Rounds to the cent (half-up unless another decimal.js rounding mode is given). */
export function roundToCent(amount: Decimal, rounding: Decimal.Rounding = MONEY_ROUNDING): Decimal {
  return amount.toDecimalPlaces(2, rounding);
}

/** Writes an amount with exactly two decimals, rounding half-up to the cent. */
export function formatMoney(amount: Decimal): Money {
  return amount.toFixed(2, MONEY_ROUNDING);
}

/** Exact sum of amounts, written with two decimals (`"0.00"` for none). */
export function sumMoney(amounts: readonly Money[]): Money {
  return formatMoney(amounts.reduce<Decimal>((total, amount) => total.plus(parseMoney(amount)), new MoneyDecimal(0)));
}
