// Deadlines (PR-5 copy requests, SG-7 responses) as people read them: "in 3 days", "2 hours ago",
// with overdue marked. Pure; unit-tested in deadline.test.ts. The unit is the largest that gives
// at least one whole step, so "in 36 hours" reads "in 2 days" only once it is ≥ 2 days away.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DeadlineUnit = "day" | "hour" | "minute";

export interface DeadlineParts {
  /** past the deadline */
  overdue: boolean;
  /** signed, for Intl.RelativeTimeFormat: negative in the past */
  value: number;
  unit: DeadlineUnit;
  /** within a day (and not yet overdue): worth a warning */
  soon: boolean;
}

export function deadlineParts(deadline: string | Date, now: Date): DeadlineParts {
  const at = typeof deadline === "string" ? new Date(deadline) : deadline;
  const ms = at.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const [unit, size]: [DeadlineUnit, number] =
    abs >= DAY ? ["day", DAY] : abs >= HOUR ? ["hour", HOUR] : ["minute", MINUTE];
  // floor towards zero: "in 1 day" while 1.9 days remain; never "in 0 minutes" before it passes
  const value = sign * Math.max(1, Math.floor(abs / size));
  return { overdue: ms < 0, value, unit, soon: ms >= 0 && ms < DAY };
}

/** "3 天后" / "in 3 days"; "2 小时前" / "2 hours ago". */
export function formatRelative(parts: Pick<DeadlineParts, "value" | "unit">, language: string): string {
  return new Intl.RelativeTimeFormat(language, { numeric: "always" }).format(parts.value, parts.unit);
}
