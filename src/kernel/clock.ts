/**
 * Time comes from an injected clock so that deadlines, notice periods and token expiry can be
 * tested without sleeping. Timestamps are stored as ISO 8601 UTC strings: sortable as text and
 * identical on SQLite and PostgreSQL.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = "2026-01-01T00:00:00.000Z") {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

export const isoNow = (clock: Clock): string => clock.now().toISOString();
