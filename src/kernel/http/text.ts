import { z } from "zod";

/**
 * Free text from clients. PostgreSQL cannot store U+0000 in text (a 500 waiting to happen), and
 * other control characters or unpaired surrogates in names and reasons are never legitimate:
 * they hide text from reviewers or break rendering. Refused at the edge, naming the field.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\t\n\r]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const clean = (value: string) => !CONTROL.test(value) && !LONE_SURROGATE.test(value);

/** One line of text (names, titles), trimmed. */
export const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => clean(v) && !LINE_BREAKS.test(v), "must be one line without control characters");

/** Text that may span lines (reasons, notes), trimmed. */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(clean, "must not contain control characters or unpaired surrogates");
