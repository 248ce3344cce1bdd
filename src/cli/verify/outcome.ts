// How every `yaosu verify` command ends: one line and an exit code, never a stack trace for bad
// input. A failed check is an expected outcome (exit 1); a command that cannot even start, such as
// one naming a file that does not exist, is a usage error (exit 2), like commander's own.

/** The data does not check out: the files, the key, or what the log served. Exit 1. */
export class Invalid extends Error {
  override readonly name = "Invalid";
}

/** The command cannot run as given (unreadable file, malformed URL). Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface Verdict {
  /** The text after "valid: " */
  readonly summary: string;
  /** Machine-readable details for --json. */
  readonly details?: Record<string, unknown>;
}

/**
 * Runs a check and reports it: `valid: …` (exit 0) or `invalid: …` (exit 1) on stdout, or one
 * JSON object with --json; usage errors go to stderr (exit 2). Anything else is a bug and
 * propagates to the CLI's own handler.
 */
export async function report(check: () => Promise<Verdict>, json = false): Promise<void> {
  try {
    const verdict = await check();
    write(
      json
        ? JSON.stringify({ valid: true, summary: verdict.summary, ...verdict.details })
        : `valid: ${verdict.summary}`,
    );
    process.exitCode = 0;
  } catch (error) {
    if (error instanceof Invalid) {
      write(
        json
          ? JSON.stringify({ valid: false, reason: oneLine(error.message) })
          : `invalid: ${oneLine(error.message)}`,
      );
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      process.stderr.write(`yaosu: ${oneLine(error.message)}\n`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  }
}

const write = (line: string) => process.stdout.write(`${line}\n`);

/** Reasons can quote served data; keep the verdict on one line whatever it contains. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

/** A short, printable excerpt of untrusted text for an error message. */
export const quote = (text: string, max = 60) =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
