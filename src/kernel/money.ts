import { badRequest } from "./errors.js";

/**
 * Money is an integer number of fen (0.01 CNY). Never floats: a ledger must balance exactly.
 * JavaScript numbers hold integers exactly up to 2^53 fen (~90 trillion yuan), far beyond any trade.
 */
export type Fen = number & { readonly __unit: "fen" };

export function fen(value: number, field = "amountFen"): Fen {
  if (!Number.isSafeInteger(value))
    throw badRequest("invalid_amount", "amount must be a whole number of fen", field);
  return value as Fen;
}

/** Parses a yuan string such as "12.30" into fen without going through floating point. */
export function parseYuan(text: string, field = "amount"): Fen {
  // 14 whole digits reach 2^53 fen; fen() refuses what lies beyond.
  const match = /^(-?)(\d{1,14})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match)
    throw badRequest("invalid_amount", "amount must look like 123.45 (yuan, at most 2 decimals)", field);
  const [, sign, whole = "0", cents = ""] = match;
  const value = Number(whole) * 100 + Number(cents.padEnd(2, "0"));
  return fen(sign === "-" ? -value : value, field);
}

/** Formats fen as a yuan string with exactly two decimals, e.g. 1230 → "12.30". */
export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
