import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Checkpoint,
  cosignatureVerifier,
  cosigner,
  ed25519Signer,
  ed25519Verifier,
  formatCheckpoint,
  formatVerifierKey,
  newVerifier,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  SIG_TYPE_COSIGNATURE_V1,
  signNote,
} from "./index.js";

const root = new Uint8Array(32).fill(0xab);
const rootB64 = Buffer.from(root).toString("base64");
const log = ed25519Signer("example.com/log", new Uint8Array(32).fill(3));
const logVerifier = ed25519Verifier(log.name, log.publicKey);
const witness = cosigner("witness.example/w1", new Uint8Array(32).fill(4), () => 1700000000);

describe("checkpoint text", () => {
  it("formats and parses strictly", () => {
    const cp: Checkpoint = { origin: "example.com/log", size: 42, rootHash: root, extensions: ["ext one"] };
    const text = formatCheckpoint(cp);
    expect(text).toBe(`example.com/log\n42\n${rootB64}\next one\n`);
    expect(parseCheckpoint(text)).toEqual({ ok: true, checkpoint: cp });
    expect(parseCheckpoint(`o\n0\n${rootB64}\n`).ok).toBe(true);
  });

  it("rejects anything that is not the one canonical form", () => {
    const bad = [
      `o\n42\n${rootB64}`,
      `\n42\n${rootB64}\n`,
      `o\n042\n${rootB64}\n`,
      `o\n+42\n${rootB64}\n`,
      `o\n-1\n${rootB64}\n`,
      `o\n4 2\n${rootB64}\n`,
      `o\n9007199254740993\n${rootB64}\n`,
      `o\n42\n${Buffer.alloc(31).toString("base64")}\n`,
      `o\n42\n${rootB64.slice(0, -1)}\n`,
      `o\n42\n${rootB64}\n\n`,
      `o\n42\n${rootB64}\next\n\n`,
      `o\r\n42\n${rootB64}\n`,
      "o\n42\n",
    ];
    for (const text of bad) expect(parseCheckpoint(text).ok, JSON.stringify(text)).toBe(false);
    expect(() => formatCheckpoint({ origin: "a\nb", size: 1, rootHash: root, extensions: [] })).toThrow();
    expect(() => formatCheckpoint({ origin: "o", size: 1, rootHash: root, extensions: [""] })).toThrow();
    expect(() => formatCheckpoint({ origin: "o", size: -1, rootHash: root, extensions: [] })).toThrow();
  });

  it("round-trips arbitrary checkpoints", () => {
    const field = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => [...s].every((c) => c >= " "));
    fc.assert(
      fc.property(
        field,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(field, { maxLength: 3 }),
        (origin, size, rootHash, extensions) => {
          const cp = { origin, size, rootHash, extensions };
          expect(parseCheckpoint(formatCheckpoint(cp))).toEqual({ ok: true, checkpoint: cp });
        },
      ),
    );
  });
});

describe("signed checkpoints and cosignatures", () => {
  const text = formatCheckpoint({ origin: "example.com/log", size: 7, rootHash: root, extensions: [] });
  const witnessVkey = formatVerifierKey(witness.name, SIG_TYPE_COSIGNATURE_V1, witness.publicKey);

  it("verifies the log signature and returns verified cosignatures", () => {
    const note = signNote(text, [log, witness]);
    const opened = openCheckpoint(note, logVerifier, {
      origin: "example.com/log",
      cosigners: [newVerifier(witnessVkey)],
    });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.checkpoint.size).toBe(7);
      expect(opened.cosignatures.map((s) => s.name)).toEqual(["witness.example/w1"]);
    }
  });

  it("does not let a cosignature stand in for the log's signature", () => {
    const onlyWitness = signNote(text, [witness]);
    const opened = openCheckpoint(onlyWitness, logVerifier, { cosigners: [newVerifier(witnessVkey)] });
    expect(opened.ok).toBe(false);
  });

  it("binds the cosignature to its timestamp and to the checkpoint", () => {
    const verifier = cosignatureVerifier(witness.name, witness.publicKey);
    const sig = witness.sign(new TextEncoder().encode(text));
    expect(verifier.verify(new TextEncoder().encode(text), sig)).toBe(true);
    const otherTime = Uint8Array.from(sig);
    otherTime[7] = (otherTime[7] as number) ^ 1;
    expect(verifier.verify(new TextEncoder().encode(text), otherTime)).toBe(false);
    expect(verifier.verify(new TextEncoder().encode(text.replace("7", "8")), sig)).toBe(false);
    // A type-0x04 key never verifies a plain note signature (different message and key ID).
    expect(openNote(signNote(text, [log]), [verifier]).ok).toBe(false);
  });
});
