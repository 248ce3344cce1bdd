import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Files at rest in the vault are AES-256-GCM, streamed so a 2 GiB dataset never sits in memory:
 *   "YSV1" | 12-byte random nonce | ciphertext | 16-byte tag
 * The additional data names what the file is (e.g. `data/dst_…`), so a sealed file swapped for
 * another dataset's, or renamed, fails authentication instead of being read as the wrong data.
 * (DuckDB's own database encryption needs the httpfs extension's OpenSSL to write safely, which a
 * holder's offline node cannot count on — see docs in vault.ts.)
 */
const MAGIC = Buffer.from("YSV1");
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + NONCE_BYTES;

export type Progress = (doneBytes: number) => void;

export class SealError extends Error {}

function counting(onProgress?: Progress): Transform {
  let done = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      done += chunk.length;
      onProgress?.(done);
      callback(null, chunk);
    },
  });
}

/** Encrypts `from` into `to` (created exclusively, mode 0600); removes `to` if anything fails. */
export async function sealFile(key: Buffer, aad: string, from: string, to: string, onProgress?: Progress) {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const out = createWriteStream(to, { flags: "wx", mode: 0o600 });
  try {
    out.write(Buffer.concat([MAGIC, nonce]));
    await pipeline(createReadStream(from), counting(onProgress), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), () => resolve()).on("error", reject),
    );
    await syncFile(to);
  } catch (error) {
    out.destroy();
    await rm(to, { force: true });
    throw error;
  }
}

/**
 * Decrypts `from` into `to`. GCM authenticates only at the end, so the caller must not use `to`
 * until this resolves; on a wrong key or tampered bytes `to` is removed and SealError thrown.
 */
export async function unsealFile(key: Buffer, aad: string, from: string, to: string) {
  const { nonce, tag, size } = await readFrame(from);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  try {
    const body =
      size > HEADER_BYTES + TAG_BYTES
        ? createReadStream(from, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 })
        : emptyStream();
    await pipeline(body, decipher, createWriteStream(to, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await rm(to, { force: true });
    throw asSealError(from, error);
  }
}

/** Small sealed blobs (catalog entries, the key check) — same format, in memory. */
export function sealBytes(key: Buffer, aad: string, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

export function unsealBytes(key: Buffer, aad: string, sealed: Buffer, what: string): Buffer {
  if (sealed.length < HEADER_BYTES + TAG_BYTES || !sealed.subarray(0, 4).equals(MAGIC)) {
    throw new SealError(`${what} is not a sealed vault file`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(4, HEADER_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (error) {
    throw asSealError(what, error);
  }
}

async function readFrame(path: string) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size < HEADER_BYTES + TAG_BYTES) throw new SealError(`${path} is not a sealed vault file`);
    const header = Buffer.alloc(HEADER_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    if (!header.subarray(0, 4).equals(MAGIC)) throw new SealError(`${path} is not a sealed vault file`);
    return { nonce: header.subarray(4), tag, size };
  } finally {
    await handle.close();
  }
}

async function syncFile(path: string) {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function emptyStream() {
  return (async function* () {})();
}

function asSealError(what: string, error: unknown): Error {
  if (error instanceof SealError) return error;
  const message = (error as Error).message ?? "";
  return /authenticate/i.test(message)
    ? new SealError(`${what} cannot be decrypted: wrong key or damaged file`)
    : (error as Error);
}
