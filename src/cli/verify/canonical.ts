import { createRequire } from "node:module";

// An entry's bytes must be the event's canonical JSON (RFC 8785) in UTF-8, exactly as the
// sequencer writes them (src/modules/evidence/entry.ts): parsing and re-canonicalising with the
// same library must give back the very same bytes. Anything else — whitespace, key order, a
// duplicate key, a non-canonical number or escape, invalid UTF-8 — means the bytes were not
// produced by the log's own encoder.

// canonicalize is CommonJS whose typings claim an ES default export; require it as it is.
const canonicalize = createRequire(import.meta.url)("canonicalize") as (input: unknown) => string | undefined;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** null when `bytes` are a canonical JSON object, else why not. */
export function canonicalProblem(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return "is not valid UTF-8";
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "is not JSON";
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "is not a JSON object";
  const again = canonicalize(value);
  if (again === undefined || !Buffer.from(again, "utf8").equals(bytes))
    return "is not canonical JSON (RFC 8785)";
  return null;
}
