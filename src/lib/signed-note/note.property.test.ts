import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ed25519Signer, ed25519Verifier, openNote, signNote } from "./index.js";

const signerA = ed25519Signer("log.example/a", new Uint8Array(32).fill(7));
const signerB = ed25519Signer("witness.example/b", new Uint8Array(32).fill(9));
const verifierA = ed25519Verifier(signerA.name, signerA.publicKey);
const verifierB = ed25519Verifier(signerB.name, signerB.publicKey);

// Note text: any Unicode lines (possibly empty) without control characters, each newline-ended.
const line = fc
  .oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }))
  .map((s) => [...s].filter((c) => c >= " ").join(""));
const noteText = fc
  .array(line, { minLength: 1, maxLength: 6 })
  .map((lines) => lines.map((l) => `${l}\n`).join(""));

describe("signed note properties", () => {
  it("sign then open round-trips the text", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const opened = openNote(signNote(text, [signerA, signerB]), [verifierA, verifierB]);
        expect(opened.ok).toBe(true);
        if (opened.ok) {
          expect(opened.text).toBe(text);
          expect(opened.verified.map((s) => s.name)).toEqual(["log.example/a", "witness.example/b"]);
        }
        const bytes = new TextEncoder().encode(signNote(text, [signerA]));
        expect(openNote(bytes, [verifierA]).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("flipping any byte of a singly-signed note makes it fail to open, or changes the text", () => {
    fc.assert(
      fc.property(noteText, fc.integer({ min: 1, max: 255 }), (text, mask) => {
        const bytes = new TextEncoder().encode(signNote(text, [signerA]));
        for (let i = 0; i < bytes.length; i++) {
          const tampered = Uint8Array.from(bytes);
          tampered[i] = (tampered[i] as number) ^ mask;
          const opened = openNote(tampered, [verifierA]);
          expect(!opened.ok || opened.text !== text, `byte ${i}`).toBe(true);
          // In fact it must fail: a changed text cannot carry a valid signature.
          expect(opened.ok, `byte ${i}`).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("with two signers, a flip either fails or leaves fewer verified signatures", () => {
    fc.assert(
      fc.property(noteText, fc.nat(), fc.integer({ min: 1, max: 255 }), (text, at, mask) => {
        const bytes = new TextEncoder().encode(signNote(text, [signerA, signerB]));
        const i = at % bytes.length;
        bytes[i] = (bytes[i] as number) ^ mask;
        const opened = openNote(bytes, [verifierA, verifierB]);
        // A flipped key ID turns a line into an unknown key's, which the spec says to ignore.
        expect(!opened.ok || opened.text !== text || opened.verified.length < 2).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
