// RFC 8785 JSON Canonicalization Scheme, enough for contract documents: object members sorted by
// their UTF-16 code units (what Array.prototype.sort does by default), strings and numbers as
// ECMAScript's JSON.stringify writes them (which RFC 8785 adopts), no whitespace. The server signs
// these bytes (src/modules/rights/contract-document.ts uses the `canonicalize` package); the unit
// test checks both agree.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const members = Object.keys(value as object)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`cannot canonicalise a ${typeof value}`);
}
