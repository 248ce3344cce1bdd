// SHA-256 and Ed25519 through WebCrypto, for the in-browser verifier.
import { type Bytes, concat, fromHex } from "./bytes.js";

/** WebCrypto is only there in secure contexts (https, localhost); plain http on a LAN has none. */
export class WebCryptoUnavailableError extends Error {
  constructor(readonly reason: "no_subtle" | "no_ed25519") {
    super(reason === "no_subtle" ? "WebCrypto is not available here" : "WebCrypto lacks Ed25519");
    this.name = "WebCryptoUnavailableError";
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new WebCryptoUnavailableError("no_subtle");
  return s;
}

/** RFC 8032 §7.1 test 1 public key: a known-good point to probe Ed25519 support with. */
const PROBE_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

/** Whether this environment can run every check: SHA-256 and Ed25519 in WebCrypto. */
export async function webCryptoSupport(): Promise<"ok" | "no_subtle" | "no_ed25519"> {
  const s = globalThis.crypto?.subtle;
  if (!s) return "no_subtle";
  try {
    await s.importKey("raw", fromHex(PROBE_KEY) as Bytes, { name: "Ed25519" }, false, ["verify"]);
    return "ok";
  } catch {
    return "no_ed25519";
  }
}

export async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  return new Uint8Array(await subtle().digest("SHA-256", concat(...parts)));
}

/** Verifies an Ed25519 signature; false for a wrong signature or an unusable key. */
export async function verifyEd25519(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  let key: CryptoKey;
  try {
    key = await subtle().importKey("raw", concat(publicKey), { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    if (error instanceof DOMException && error.name === "NotSupportedError") {
      throw new WebCryptoUnavailableError("no_ed25519");
    }
    return false;
  }
  try {
    return await subtle().verify({ name: "Ed25519" }, key, concat(signature), concat(message));
  } catch {
    return false;
  }
}
