// Strict standard base64 (RFC 4648 §4). Node's Buffer decoder silently skips junk and accepts
// non-zero padding bits, which would let several strings decode to the same signature; a note
// must have exactly one encoding, so anything that does not re-encode identically is rejected.

const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Decodes canonical padded base64, or returns null. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!B64_RE.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") !== text) return null;
  return new Uint8Array(bytes);
}
