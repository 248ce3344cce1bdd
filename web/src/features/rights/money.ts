// Prices are fen (0.01 CNY) in the API and yuan in the form. Pure; unit-tested.

/** "12.5" (yuan, as typed) → 1250 fen; null for anything else. */
export function yuanToFen(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(trimmed)) return null;
  const [whole = "0", part = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(part.padEnd(2, "0"));
}
