import { createHash, createHmac, randomBytes } from "node:crypto";

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash("sha256").update(data).digest("hex");

/**
 * A keyed hash (HMAC-SHA256) for personal identifiers: equal inputs give equal hashes, so
 * uniqueness and lookups work, but without the key a leaked table cannot be brute-forced
 * (an ID number has only ~10^10 plausible values, so a plain hash would not protect it).
 */
export const keyedHash = (key: Buffer, value: string): string =>
  createHmac("sha256", key).update(value, "utf8").digest("hex");

/** A random, URL-safe secret with `bytes` of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");
