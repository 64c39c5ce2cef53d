// Numbers typed into form fields, and the limits a domain schema puts on them.

/** A whole number typed in a field; anything else becomes NaN for the schema to refuse. */
export const wholeNumber = (text: string): number =>
  text.trim() === "" ? Number.NaN : Number(text.trim());

/** The smallest and largest value a number schema accepts (through defaults and nullables). */
export function bounds(schema: unknown): { min: number; max: number } {
  let inner = schema as {
    unwrap?: () => unknown;
    minValue?: number | null;
    maxValue?: number | null;
  };
  while (typeof inner.unwrap === "function") inner = inner.unwrap() as typeof inner;
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** True when `text` is a whole number within `range`. */
export function isWholeNumberIn(text: string, range: { min: number; max: number }): boolean {
  const value = wholeNumber(text);
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
