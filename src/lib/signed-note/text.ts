// Character rules shared by notes, key names and checkpoints (c2sp.org/signed-note "Format").

// Key names: non-empty, no Unicode spaces, no "+" (the vkey separator). Control characters
// are excluded too: they could never appear in a well-formed note anyway.
const BAD_NAME_CHAR = /[\p{White_Space}\p{Cc}+]/u;
// A JS string can hold lone surrogates, which have no UTF-8 form; encoding would silently
// replace them, so the signed bytes would not be the text the caller passed.
const LONE_SURROGATE = /\p{Cs}/u;

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !BAD_NAME_CHAR.test(name) && !LONE_SURROGATE.test(name);
}

/** Notes: no ASCII control characters (below U+0020) other than newline; DEL and C1 are allowed. */
export function hasOnlyNoteChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return false;
  }
  return !LONE_SURROGATE.test(text);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8 = new TextEncoder();

/** Decodes bytes that must be valid UTF-8, or returns null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return utf8.encode(text);
}
