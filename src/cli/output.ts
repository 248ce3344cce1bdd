import { ConfigError } from "../kernel/config.js";
import { isAppError } from "../kernel/errors.js";

/** Prints rows as a plain aligned table for people, or as JSON for scripts (`--json`). */
export function printRows(rows: readonly object[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write("(none)\n");
    return;
  }
  const records = rows as Record<string, unknown>[];
  const columns = Object.keys(records[0] ?? {});
  const cell = (v: unknown) =>
    v === null || v === undefined ? "" : Array.isArray(v) ? v.join(",") : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...records.map((r) => displayWidth(cell(r[c])))));
  const line = (values: string[]) =>
    values
      .map((v, i) => v + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(v))))
      .join("  ")
      .trimEnd();
  process.stdout.write(
    `${line(columns)}\n${records.map((r) => line(columns.map((c) => cell(r[c])))).join("\n")}\n`,
  );
}

/** CJK characters take two terminal columns. */
const displayWidth = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/** Turns an error into one line on stderr and an exit code: 1 for refused input, 2 for configuration, 3 for bugs. */
export function reportError(error: unknown): number {
  if (isAppError(error)) {
    process.stderr.write(`yaosu: ${error.code}${error.field ? ` (${error.field})` : ""}: ${error.message}\n`);
    return 1;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`yaosu: ${error.message}\n`);
    return 2;
  }
  process.stderr.write(`yaosu: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 3;
}
