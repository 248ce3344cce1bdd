import fc from "fast-check";
import type { FastifyInstance } from "fastify";

/** Arbitraries and helpers shared by the garbage-at-the-edge properties. */

export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json(): unknown;
}

/** One way of sending a body: JSON, a raw string under some content type, or nothing at all. */
export type Body =
  | { kind: "json"; value: unknown }
  | { kind: "raw"; text: string; contentType: string }
  | { kind: "none" };

// ---------- arbitraries ----------

export const HUGE_TEXT = "巨".repeat(1_200_000);

/** The product's rule for free text, restated independently: no C0/DEL controls but tab and line breaks, no lone surrogates. */
export function isCleanMultilineText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Strings chosen to break things: NUL, lone surrogates, injection, huge, RTL, full-width, emoji… */
export const nastyString = fc.constantFrom(
  "",
  " ",
  "   \t\n",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800x",
  "null",
  "undefined",
  "true",
  "0",
  "-1",
  "NaN",
  "1e400",
  "__proto__",
  "constructor",
  "prototype",
  "' OR '1'='1",
  '"; DROP TABLE participants; --',
  "../../etc/passwd",
  "%00%ZZ%",
  "$" + "{7*7}{{7*7}}", // template-injection probe
  "<script>alert(1)</script>",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "𠜎𠜱𠝹𠱓",
  "🇨🇳👩‍👩‍👧‍👦",
  "ＡＢＣ１２３",
  "ptc_00000000000000000000000000",
  "x".repeat(65),
  "x".repeat(129),
  "y".repeat(2001),
  "z".repeat(20_000),
);

export const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  nastyString,
);

/** Any JSON value, including ones built from fc.anything() (Maps, dates, -0… as JSON makes them). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc
    .anything({ maxDepth: 3, withDate: true, withMap: true, withSet: true, withNullPrototype: true })
    .map(toJson),
);

export function toJson(value: unknown): unknown {
  try {
    const encoded = JSON.stringify(value);
    return encoded === undefined ? null : JSON.parse(encoded);
  } catch {
    return null;
  }
}

/** A wrong value for a field: wrong type, nasty string, nested junk. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 2, arbitrary: anyJson },
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, [], {}, [null], { "": "" }),
  fc.array(text, { maxLength: 5 }),
);

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];
export const protoKey = fc.constantFrom(...PROTO_KEYS);

/**
 * JSON text with prototype-pollution keys. Built as text: an object literal with a "__proto__"
 * key would set the prototype instead of carrying the key, and JSON.stringify would drop it.
 */
export const pollutedJsonText = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 })), {
      minLength: 1,
      maxLength: 4,
    }),
    protoKey,
    fc.jsonValue({ maxDepth: 2 }),
    fc.boolean(),
  )
  .map(([entries, key, value, nested]) => {
    const inner = `{${JSON.stringify(key)}:${nested ? `{"polluted":${JSON.stringify(value)}}` : JSON.stringify(value)}}`;
    const pairs = entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    pairs.push(`${JSON.stringify(key)}:${inner}`);
    return `{${pairs.join(",")}}`;
  });

/** Deeply nested arrays/objects, sometimes with a prototype key at the bottom. */
export const deepJsonText = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom("array", "object", "proto"))
  .map(([depth, shape]) => {
    if (shape === "array") return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
    const key = shape === "proto" ? "__proto__" : "a";
    return `${`{"${key}":`.repeat(depth)}1${"}".repeat(depth)}`;
  });

/** Strings that are almost, or not at all, JSON. */
export const rawJsonText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.jsonValue().map((v) => {
    const s = JSON.stringify(v);
    return s.slice(0, Math.max(0, s.length - 1)); // truncated
  }),
  fc.constantFrom(
    "{",
    "}",
    "[",
    "{nope",
    "{'single': 'quotes'}",
    '{"a":1,}',
    '{"a":1}{"b":2}',
    "NaN",
    "undefined",
    "\u0000",
    "\ufeff{}",
    '"just a string"',
    "1e999999",
    "-",
    "nul",
    "truefalse",
  ),
  pollutedJsonText,
  deepJsonText,
);

export const CONTENT_TYPES = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "application/jsonp",
  "application/json-patch+json",
  "application/problem+json",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/json;;;=",
  "APPLICATION/JSON",
  "json",
  "*/*",
  "image/png",
  "text/html; charset=utf-8",
];
/** Header values a real client could send (no CR/LF/NUL). */
export const headerValue = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
    fc.constant("\t"),
  ),
  maxLength: 60,
});
export const contentType = fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerValue);

/** Any body at all: JSON of any shape, raw text as JSON, raw text under another content type, none. */
export const garbageBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: anyJson.map((value): Body => ({ kind: "json", value })) },
  {
    weight: 2,
    arbitrary: rawJsonText.map((text): Body => ({ kind: "raw", text, contentType: "application/json" })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        contentType,
      )
      .map(([text, type]): Body => ({ kind: "raw", text, contentType: type })),
  },
  { weight: 1, arbitrary: fc.constant<Body>({ kind: "none" }) },
  // Over the 1 MiB body limit: 413 body_too_large, before anything is parsed.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(HUGE_TEXT.slice(0, 1_100_000), `{"name":"${HUGE_TEXT.slice(0, 1_100_000)}"}`)
      .map((text): Body => ({ kind: "raw", text, contentType: "application/json" })),
  },
);

/** Sends a garbage body the way a client would: JSON as JSON, raw text with its own content type. */
export function sendBody(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH",
  url: string,
  body: Body,
  headers: Record<string, string> = {},
): Promise<Answer> {
  if (body.kind === "none") return app.inject({ method, url, headers }) as Promise<Answer>;
  const payload = body.kind === "json" ? JSON.stringify(body.value) : body.text;
  const type = body.kind === "json" ? "application/json" : body.contentType;
  return app.inject({
    method,
    url,
    payload,
    headers: { ...headers, "content-type": type },
  }) as Promise<Answer>;
}
