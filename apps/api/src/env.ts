// The one place that reads process.env: every setting validated, with defaults, once.
import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** 127.0.0.1 by default; set 0.0.0.0 so kiosks on the library network can reach it. */
    HOST: z.string().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    /** postgres://… switches from the embedded PGlite to PostgreSQL. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
    /** The address people use to reach the portal (links in e-mails, cookie security, CORS). */
    PUBLIC_URL: z.url().optional(),
    /** At least 32 characters; generated and kept in the database when unset. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** smtp://user:pass@host:port; without it, e-mails are written as .eml files under DATA_DIR/mail. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Readers <no-reply@readers.local>"),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
    TRUST_PROXY: z.stringbool().default(false),
    /**
     * Sign-in, sign-up and reset attempts per minute per address (reset requests get half).
     * Raise it where many people share one address (a library network behind one NAT).
     */
    AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    /** The association's time zone: "today", dates in e-mails and reports use it. */
    ASSOCIATION_TIMEZONE: z
      .string()
      .refine(isTimeZone, "ASSOCIATION_TIMEZONE must be an IANA time zone such as Asia/Shanghai")
      .default(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
    ASSOCIATION_NAME: z.string().min(1).max(200).default("Readers' Association"),
    /**
     * Where book details come from when a member types an ISBN: `openlibrary` (the public
     * Open Library API), `off` (always typed in by hand), or `fixtures:<dir>` (recorded
     * answers, one <isbn13>.json per book: tests and e2e, no network).
     */
    ISBN_LOOKUP: z
      .string()
      .regex(
        /^(openlibrary|off|fixtures:.+)$/,
        "ISBN_LOOKUP must be openlibrary, off or fixtures:<dir>",
      )
      .default("openlibrary"),
    /** The administrator account created on first start. */
    ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an e-mail address").default("admin@readers.local"),
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  }));

export type Env = z.output<typeof envSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Parses the environment (process.env unless `source` is given) with `overrides` on top;
 * throws a readable error listing every problem.
 */
export function loadEnv(
  overrides: Record<string, string> = {},
  source: Record<string, string | undefined> = process.env,
): Env {
  const merged = { ...source, ...overrides };
  // Empty strings from shells mean "unset".
  const cleaned = Object.fromEntries(
    Object.entries(merged).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
