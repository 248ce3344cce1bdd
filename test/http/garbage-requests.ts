import fc from "fast-check";
import { PROTO_KEYS, protoKey, text, wrongValue } from "./garbage-arbitraries.js";

/** Request shapes for the garbage properties: fields that are valid, wrong or missing; path ids and query strings. */
/** Marks a field the property fills with a fresh valid value at run time (so replays stay valid). */
export const VALID = Symbol("valid");
/** `absent` says whether leaving the field out is itself an error. */
export type Slot = typeof VALID | { wrong: unknown } | { absent: "required" | "optional" };
/** Mostly valid, sometimes wrong, sometimes missing. */
export const slot = (required: boolean): fc.Arbitrary<Slot> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<Slot>(VALID) },
    { weight: 2, arbitrary: wrongValue.map((wrong): Slot => ({ wrong })) },
    {
      weight: required ? 1 : 2,
      arbitrary: fc.constant<Slot>({ absent: required ? "required" : "optional" }),
    },
  );

/** Extra keys (unknown or prototype-ish) that a strict schema must refuse. */
export const extraKeys = fc.oneof(
  { weight: 3, arbitrary: fc.constant<[string, unknown][]>([]) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 10 })), wrongValue), {
      minLength: 1,
      maxLength: 3,
    }),
  },
);

/** Fills slots: VALID → the fresh valid value, wrong → the wrong value, absent → left out. */
export function fill(
  slots: Record<string, Slot>,
  valid: Record<string, unknown>,
): { value: Record<string, unknown>; allValid: boolean } {
  const value: Record<string, unknown> = {};
  let allValid = true;
  for (const [key, s] of Object.entries(slots)) {
    if (s === VALID) value[key] = valid[key];
    else if ("wrong" in s) {
      value[key] = s.wrong;
      allValid = false;
    } else if (s.absent === "required") allValid = false;
  }
  return { value, allValid };
}

/** Serialises an object as JSON text, keeping extra keys literally (even "__proto__"). */
export function jsonWithExtras(value: Record<string, unknown>, extras: [string, unknown][]): string {
  const own = JSON.stringify(value);
  if (extras.length === 0) return own;
  const pairs = extras.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(",");
  return own === "{}" ? `{${pairs}}` : `${own.slice(0, -1)},${pairs}}`;
}

/** encodeURIComponent, except that a lone surrogate goes as UTF-8 of U+FFFD (as a real client sends it). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  }
}

/** Path ids a URL can carry: encoded arbitrary text, raw URL-safe text, well-formed unknown ids. */
export const URL_CHARS = [..."abcdefABCDEF0123456789_-.~!$&'()*+,;=:@"];
export const pathId = fc.oneof(
  { weight: 3, arbitrary: text.map(encode).filter((s) => s.length <= 100) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...URL_CHARS), minLength: 1, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ"), minLength: 26, maxLength: 26 })
      .map((s) => `ptc_${s}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "ptc_",
      "ptc_01ARZ3NDEKTSV4RRFFQ69G5FAV",
      "ptc_01arz3ndektsv4rrffq69g5fav",
      "usr_01ARZ3NDEKTSV4RRFFQ69G5FAV",
      "me",
      "%00",
      "%2e%2e",
      "%2F",
      "p".repeat(100),
    ),
  },
);

/** Path segments the router itself chokes on: broken %-escapes, and ids over its 100-character limit. */
export const malformedPathId = fc.oneof(
  fc.constantFrom("%ZZ", "%", "%C0%80", "%FF", "%E2%82", "%u0041", "ptc_%"),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...URL_CHARS), maxLength: 10 }),
      fc.constantFrom("%", "%Z", "%G0", "%ED%A0%80"),
    )
    .map(([a, b]) => `${a}${b}`),
  fc.integer({ min: 101, max: 2000 }).map((n) => "p".repeat(n)),
);

/** Raw query strings: keys and values from a URL-ish alphabet, encoded text, repeats, brackets. */
export const queryString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...URL_CHARS, "%", "=", "&", "[", "]", "?", "#"), maxLength: 40 }),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom("status", "status[]", "type", "limit", "after", ...PROTO_KEYS), fc.string()),
        text,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")),
);
