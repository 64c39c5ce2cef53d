// Money as people type it ("50", "50.5", "50,00") to integer cents, and back.
import { CENTS_MAX } from "@readers/domain";

export { CENTS_MAX };

const AMOUNT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** Cents for an amount in currency units, or undefined when the text is not an amount. */
export function parseAmount(text: string): number | undefined {
  const match = AMOUNT.exec(text.trim().replace(/\s/g, ""));
  if (!match) return undefined;
  const units = Number(match[1]);
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return units * 100 + Number(fraction);
}

/** An amount in cents written for an input field: 5000 → "50.00". */
export function amountInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
