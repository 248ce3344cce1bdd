import { randomBytes } from "node:crypto";
import { monotonicFactory } from "ulidx";
import type { Clock } from "./clock.js";

/**
 * Ids are `<prefix>_<ULID>`: the prefix tells a reader what kind of record an id names
 * (`ptc_` participant, `usr_` user…), the ULID sorts by creation time, so lists ordered by id
 * are ordered by time on every database. The generator is monotonic within one millisecond.
 */
export const ID_PREFIXES = {
  participant: "ptc",
  user: "usr",
  session: "ses",
  apiKey: "key",
  event: "evt",
  request: "req",
  dataset: "dst",
  registration: "reg",
  objection: "obj",
  right: "rgt",
  rightsContract: "rct",
  succession: "scn",
  sourceRequest: "srq",
  qualityFeedback: "qfb",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export type IdGenerator = (kind: IdKind) => string;

/**
 * ulidx asks the platform for fresh randomness once per character; drawing from a pooled
 * buffer of OS randomness is as unpredictable and several times cheaper on hot paths.
 */
function pooledRandom(): () => number {
  let pool = randomBytes(4096);
  let offset = 0;
  return () => {
    if (offset + 4 > pool.length) {
      pool = randomBytes(4096);
      offset = 0;
    }
    const value = pool.readUInt32BE(offset) / 0x1_0000_0000;
    offset += 4;
    return value;
  };
}

export function createIdGenerator(clock: Clock): IdGenerator {
  const next = monotonicFactory(pooledRandom());
  return (kind) => `${ID_PREFIXES[kind]}_${next(clock.now().getTime())}`;
}

const ID_PATTERN = /^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` looks like an id of the given kind; used to reject garbage path params early. */
export function isId(kind: IdKind, value: string): boolean {
  return ID_PATTERN.test(value) && value.startsWith(`${ID_PREFIXES[kind]}_`);
}
