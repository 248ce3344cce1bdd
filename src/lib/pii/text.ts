/**
 * Small text helpers shared by the detectors. Cells arrive from CSV, JSON and Parquet in any
 * shape, so every detector sees the same cleaned string: NFKC (full-width digits and letters from
 * a Chinese IME become ASCII, "（" becomes "(") and trimmed.
 */
export function clean(value: string): string {
  return value.normalize("NFKC").trim();
}

/** Digits only, after dropping the separators people group numbers with. */
export function stripGrouping(value: string): string {
  return value.replace(/[\s\-.]/g, "");
}

/** Chinese characters (CJK unified ideographs, basic block and extension A). */
export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff";
export const HAN_ONLY = new RegExp(`^[${HAN}]+$`);

/** Cells are unknown: strings pass through, numbers and bigints are printed, the rest is skipped. */
export function cellText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return undefined;
}

/** A real calendar date? Months 1–12, days within the month, leap years counted. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Today's date in China Standard Time as y, m, d (dates in holders' data are local dates). */
export function chinaToday(today: Date): { y: number; m: number; d: number } {
  const t = new Date(today.getTime() + 8 * 3_600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Whole years between a birth date and today (CST). */
export function ageOn(birth: { y: number; m: number; d: number }, today: Date): number {
  const t = chinaToday(today);
  const beforeBirthday = t.m < birth.m || (t.m === birth.m && t.d < birth.d);
  return t.y - birth.y - (beforeBirthday ? 1 : 0);
}
