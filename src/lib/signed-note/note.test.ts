import { describe, expect, it } from "vitest";
import {
  decodeBase64,
  ed25519Signer,
  formatSignatureLine,
  generateSignerKey,
  newSigner,
  newVerifier,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from "./index.js";

const { skey, vkey } = generateSignerKey("example.com/log");
const signer = newSigner(skey);
const verifier = newVerifier(vkey);
const text = "hello\n\nworld\n";
const note = signNote(text, [signer]);

function code(result: ReturnType<typeof openNote>): string {
  return result.ok ? "ok" : result.code;
}

describe("keys", () => {
  it("generates matching skey/vkey strings in the sumdb formats", () => {
    expect(skey).toMatch(/^PRIVATE\+KEY\+example\.com\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(vkey).toMatch(/^example\.com\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(skey.split("+")[3]).toBe(vkey.split("+")[1]);
    expect([signer.name, signer.keyId]).toEqual([verifier.name, verifier.keyId]);
  });

  it("rejects bad key strings and names", () => {
    expect(() => generateSignerKey("has space")).toThrow();
    expect(() => generateSignerKey("a+b")).toThrow();
    expect(() => generateSignerKey("")).toThrow();
    expect(parseSignerKey(skey.replace("PRIVATE", "PUBLIC")).ok).toBe(false);
    expect(parseSignerKey(skey.replace(/\+[0-9a-f]{8}\+/, "+00000000+")).ok).toBe(false);
    expect(parseSignerKey(vkey).ok).toBe(false);
    expect(parseVerifierKey(vkey.toUpperCase()).ok).toBe(false);
    expect(parseVerifierKey(`${vkey}=`).ok).toBe(false);
  });

  it("decodes only canonical base64", () => {
    expect(decodeBase64("AA==")).toEqual(new Uint8Array([0]));
    // Same bytes with non-zero padding bits: Buffer would accept it, a note must not.
    expect(decodeBase64("AB==")).toBeNull();
    for (const bad of ["AA=", "AA", "A===", "AA==AA==", "AA AA==", "AA-_", "AA\n=="])
      expect(decodeBase64(bad), bad).toBeNull();
  });
});

describe("openNote", () => {
  it("splits at the last blank line so the text may contain blank lines", () => {
    const opened = openNote(note, [verifier]);
    expect(opened.ok && opened.text).toBe(text);
  });

  it("rejects malformed notes", () => {
    const cases: [string, string][] = [
      ["no blank line", note.replace("\n\n\u2014", "\n\u2014")],
      ["unterminated signature", note.slice(0, -1)],
      ["hyphen instead of em dash", note.replace("\u2014", "-")],
      ["control character", note.replace("hello", "hel\rlo")],
      ["tab", note.replace("hello", "hel\tlo")],
      ["missing signature", `${text}\n\u2014 example.com/log\n`],
      ["short signature", `${text}\n\u2014 example.com/log AAAAAA==\n`],
      ["bad base64", `${note.slice(0, -2)}!\n`],
      ["blank signature line", `${note}\n`],
    ];
    for (const [what, bad] of cases) expect(code(openNote(bad, [verifier])), what).toBe("malformed");
    expect(code(openNote(new Uint8Array([0x68, 0xff, 0x0a, 0x0a]), [verifier]))).toBe("malformed");
  });

  it("rejects a text that was changed, and a note without any known signature", () => {
    expect(code(openNote(note.replace("world", "World"), [verifier]))).toBe("bad-signature");
    const other = newVerifier(generateSignerKey("example.com/log").vkey);
    expect(code(openNote(note, [other]))).toBe("no-known-signature");
  });

  it("ignores unknown signatures, de-duplicates repeated lines, and verifies every known line", () => {
    const stranger = ed25519Signer("other.example/w", new Uint8Array(32).fill(1));
    const both = signNote(text, [signer, stranger]);
    const sigLines = both.slice(text.length + 1);
    const doubled = `${both}${sigLines}`;
    const opened = openNote(doubled, [verifier]);
    expect(opened.ok && [opened.verified.length, opened.unverified.length]).toEqual([1, 1]);
    // A second line claiming the known key must verify too (the spec's MUST), even if one is good.
    const forged = formatSignatureLine(signer.name, signer.keyId, new Uint8Array(64));
    expect(code(openNote(`${note}${forged}`, [verifier]))).toBe("bad-signature");
  });

  it("limits the number of signatures (accepting at least 16)", () => {
    const signers = Array.from({ length: 16 }, (_, i) =>
      ed25519Signer(`w${i}.example`, new Uint8Array(32).fill(i)),
    );
    const many = signNote(text, [signer, ...signers]);
    expect(code(openNote(many, [verifier]))).toBe("ok");
    expect(code(openNote(many, [verifier], { maxSignatures: 16 }))).toBe("too-many-signatures");
    expect(parseNote(many).ok).toBe(true);
  });

  it("refuses to sign text that could not round-trip", () => {
    expect(() => signNote("no newline", [signer])).toThrow(/newline/);
    expect(() => signNote("bell\u0007\n", [signer])).toThrow(/control/);
    expect(() => signNote("lone \ud800\n", [signer])).toThrow(/surrogate/);
    expect(() => signNote(text, [])).toThrow(/signer/);
  });
});
