// Pure helpers of the notice page (unit-tested).

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days left until `endsAt` (rounded up), 0 once it has passed. */
export function daysLeft(endsAt: string | null, now: number): number {
  if (!endsAt) return 0;
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / DAY_MS));
}

/** Evidence references, one per line (links, evidence ids); blank lines and repeats dropped. */
export function evidenceLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}
