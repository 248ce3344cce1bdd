import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import {
  type Checkpoint,
  type NoteVerifier,
  newVerifier,
  openCheckpoint,
  parseVerifierKey,
} from "../../lib/signed-note/index.js";
import { Invalid, quote, UsageError } from "./outcome.js";

// The offline verifier's inputs: files downloaded from the evidence API (or anywhere else) and a
// C2SP verifier key. Nothing read here is trusted until a check below has passed.

/** The bytes of a file named on the command line; a missing or unreadable file is a usage error. */
export async function readInput(path: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read ${flag} ${path}: ${code}`);
  }
}

export interface LogKeyInput {
  readonly vkey: string;
  readonly verifier: NoteVerifier;
  /** The log's origin when the key came as GET /api/v1/evidence/key's JSON. */
  readonly origin?: string;
}

const keyDocument = z.object({ verifierKey: z.string(), origin: z.string().optional() });

/**
 * `--key FILE|STRING`: a vkey (`name+hex id+base64`) given directly, or a file holding either the
 * vkey line or the JSON answer of GET /api/v1/evidence/key.
 */
export async function loadKey(value: string, flag = "--key"): Promise<LogKeyInput> {
  const isFile = await stat(value).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile && !value.includes("+")) {
    throw new UsageError(`${flag} ${value}: no such file, and not a verifier key (name+id+key)`);
  }
  const text = isFile ? (await readInput(value, flag)).toString("utf8").trim() : value.trim();
  let vkey = text;
  let origin: string | undefined;
  if (text.startsWith("{")) {
    const doc = keyDocument.safeParse(parseJson(text));
    if (!doc.success) throw new Invalid(`${flag}: JSON key file has no "verifierKey" string`);
    vkey = doc.data.verifierKey;
    origin = doc.data.origin;
  }
  const parsed = parseVerifierKey(vkey);
  if (!parsed.ok) throw new Invalid(`${flag}: ${quote(vkey)} is not a verifier key: ${parsed.reason}`);
  return { vkey, verifier: newVerifier(vkey), ...(origin === undefined ? {} : { origin }) };
}

/** Verifies a signed checkpoint note under the key, or throws Invalid naming `label`. */
export function openSigned(
  note: string | Uint8Array,
  key: LogKeyInput,
  origin: string | undefined,
  label: string,
): Checkpoint {
  const expected = origin ?? key.origin;
  const opened = openCheckpoint(note, key.verifier, expected === undefined ? {} : { origin: expected });
  if (!opened.ok) throw new Invalid(`${label}: ${opened.reason}`);
  return opened.checkpoint;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A 32-byte hash in hex, and a tree size or index, as the evidence API writes them. */
export const hash = z.string().regex(/^[0-9a-fA-F]{64}$/, "must be a 32-byte hash in hex");
export const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** GET …/entries/:index/proof */
export const inclusionProofJson = z.object({
  treeSize: count,
  leafIndex: count,
  leafHash: hash,
  rootHash: hash,
  hashes: z.array(hash),
});
export type InclusionProofJson = z.infer<typeof inclusionProofJson>;

/** GET …/consistency?from=&to= */
export const consistencyProofJson = z.object({
  from: count,
  to: count,
  fromRoot: hash,
  toRoot: hash,
  hashes: z.array(hash),
});
export type ConsistencyProofJson = z.infer<typeof consistencyProofJson>;

/** Checks `value` against `schema`, or throws Invalid with the first problem. */
export function conform<T extends z.ZodType>(schema: T, value: unknown, label: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  throw new Invalid(`${label}: unexpected shape${at}: ${issue?.message ?? "invalid"}`);
}

/** A JSON file shaped like `schema`; bad JSON or a wrong shape is Invalid. */
export async function readJsonFile<T extends z.ZodType>(
  path: string,
  flag: string,
  schema: T,
): Promise<z.infer<T>> {
  const text = (await readInput(path, flag)).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Invalid(`${flag} ${path}: not JSON (${(error as Error).message})`);
  }
  return conform(schema, value, `${flag} ${path}`);
}
