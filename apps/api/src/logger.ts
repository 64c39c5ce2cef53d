// Structured logs: one JSON object per line on stdout, filtered by level.
import type { LogLevel } from "./env.ts";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const make =
    (at: LogLevel) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (ORDER[at] < ORDER[level]) return;
      write(JSON.stringify({ level: at, time: new Date().toISOString(), msg, ...fields }));
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger("error", () => {});
