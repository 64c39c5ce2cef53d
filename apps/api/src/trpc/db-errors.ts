// Unique-constraint violations are how the database says "someone else got there first";
// turn them into the domain refusal the caller would have got a moment later.
import type { DomainCode } from "@readers/domain";
import { domainError } from "./errors.ts";

function pgCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === "23505";
}

/** Runs `work`; a unique violation becomes `code`, anything else is rethrown. */
export async function onConflict<T>(
  code: DomainCode,
  message: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw domainError({ code, message });
    throw error;
  }
}
