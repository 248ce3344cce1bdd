import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { vectorPath } from "../../../test/support/vectors.js";
import {
  decodeBase64,
  encodeBase64,
  newSigner,
  newVerifier,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseCosignature,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
  signNote,
} from "./index.js";

// External vectors: golang.org/x/mod sumdb/note, C2SP, transparency-dev/formats (see README.txt).
const FILE = vectorPath("signed-note", "signed_note_vectors.json");

interface Vector {
  id: string;
  vkey?: string;
  vkeys?: string[];
  skey?: string;
  text?: string;
  note?: string;
  sig_base64?: string;
  valid?: string[];
  invalid?: string[];
}
const vectors = (JSON.parse(readFileSync(FILE, "utf8")) as { vectors: Vector[] }).vectors;

function vector(id: string): Vector {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`missing vector ${id}`);
  return v;
}

/** The vkey-parse lists carry a "(why)" annotation after the key. */
const keyOf = (entry: string) => entry.split(" (")[0] as string;

describe("signed_note_vectors.json", () => {
  it("covers every vector in the file", () => {
    expect(vectors.map((v) => v.id)).toEqual([
      "go-sumdb-note-peter",
      "go-sumdb-note-peter+enoch",
      "c2sp-signed-note-example",
      "sum.golang.org-real-checkpoint",
      "sum.golang.org-tampered-size",
      "c2sp-tlog-checkpoint-example",
      "cosig-v1-timestamp",
      "vkey-parse-cases",
    ]);
  });

  it("go-sumdb-note-peter: the skey reproduces the note byte for byte, and it opens", () => {
    const v = vector("go-sumdb-note-peter");
    const signer = newSigner(v.skey as string);
    const verifier = newVerifier(v.vkey as string);
    expect([signer.name, signer.keyId]).toEqual(["PeterNeumann", 0xc74f20a3]);
    expect([verifier.name, verifier.keyId]).toEqual(["PeterNeumann", 0xc74f20a3]);
    const parsed = parseSignerKey(v.skey as string);
    expect(parsed.ok && encodeBase64(Uint8Array.of(SIG_TYPE_ED25519, ...parsed.key.publicKey))).toBe(
      (v.vkey as string).split("+")[2],
    );
    expect(signNote(v.text as string, [signer])).toBe(v.note);
    const opened = openNote(v.note as string, [verifier]);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.text).toBe(v.text);
      expect(opened.verified.map((s) => [s.name, s.keyId])).toEqual([["PeterNeumann", 0xc74f20a3]]);
      expect(opened.unverified).toEqual([]);
    }
  });

  it("go-sumdb-note-peter+enoch: unknown keys are reported, not trusted; each key verifies its own line", () => {
    const v = vector("go-sumdb-note-peter+enoch");
    const [peter, enoch] = (v.vkeys as string[]).map(newVerifier) as [
      ReturnType<typeof newVerifier>,
      ReturnType<typeof newVerifier>,
    ];
    const onlyPeter = openNote(v.note as string, [peter]);
    expect(onlyPeter.ok).toBe(true);
    if (onlyPeter.ok) {
      expect(onlyPeter.verified.map((s) => [s.name, s.keyId])).toEqual([["PeterNeumann", 0xc74f20a3]]);
      expect(onlyPeter.unverified.map((s) => [s.name, s.keyId])).toEqual([["EnochRoot", 0xaf0cfe78]]);
    }
    const onlyEnoch = openNote(v.note as string, [enoch]);
    expect(onlyEnoch.ok && onlyEnoch.verified.map((s) => s.name)).toEqual(["EnochRoot"]);
    const both = openNote(v.note as string, [peter, enoch]);
    expect(both.ok && both.verified.length).toBe(2);
    const nobody = openNote(v.note as string, []);
    expect(nobody.ok === false && nobody.code).toBe("no-known-signature");
  });

  it("c2sp-signed-note-example verifies", () => {
    const v = vector("c2sp-signed-note-example");
    const opened = openNote(v.note as string, [newVerifier(v.vkey as string)]);
    expect(opened.ok && opened.text).toBe("This is an example message.\n");
  });

  it("sum.golang.org-real-checkpoint verifies and parses as a checkpoint", () => {
    const v = vector("sum.golang.org-real-checkpoint");
    const log = newVerifier(v.vkey as string);
    const opened = openCheckpoint(v.note as string, log, { origin: "go.sum database tree" });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.checkpoint.origin).toBe("go.sum database tree");
      expect(opened.checkpoint.size).toBe(6476701);
      expect(encodeBase64(opened.checkpoint.rootHash)).toBe("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=");
      expect(opened.checkpoint.extensions).toEqual([]);
    }
    expect(openCheckpoint(v.note as string, log, { origin: "another log" }).ok).toBe(false);
  });

  it("sum.golang.org-tampered-size fails", () => {
    const v = vector("sum.golang.org-tampered-size");
    const log = newVerifier(v.vkey as string);
    const opened = openNote(v.note as string, [log]);
    expect(opened.ok === false && opened.code).toBe("bad-signature");
    expect(openCheckpoint(v.note as string, log).ok).toBe(false);
  });

  it("c2sp-tlog-checkpoint-example parses (no public key is published)", () => {
    const v = vector("c2sp-tlog-checkpoint-example");
    const parsed = parseNote(v.note as string);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cp = parseCheckpoint(parsed.text);
    expect(cp.ok && [cp.checkpoint.origin, cp.checkpoint.size, cp.checkpoint.rootHash.length]).toEqual([
      "example.com/behind-the-sofa",
      20852163,
      32,
    ]);
    const [logSig, witnessSig] = parsed.signatures;
    expect([logSig?.name, logSig?.keyId, logSig?.signature.length]).toEqual([
      "example.com/behind-the-sofa",
      0x033de0ae,
      64,
    ]);
    expect(witnessSig?.name).toBe("witness.example.com/w1");
    expect(parseCosignature(witnessSig?.signature as Uint8Array)?.timestamp).toBe(1679315147);
  });

  it("cosig-v1-timestamp: the timestamp is read from bytes 4..12", () => {
    const bytes = decodeBase64(vector("cosig-v1-timestamp").sig_base64 as string) as Uint8Array;
    expect(parseCosignature(bytes.subarray(4))?.timestamp).toBe(1727964367);
  });

  it("vkey-parse-cases: valid keys parse, invalid ones are rejected", () => {
    const v = vector("vkey-parse-cases");
    const [test, remora] = (v.valid as string[]).map(keyOf).map(parseVerifierKey);
    expect(test?.ok && [test.key.name, test.key.keyId, test.key.type]).toEqual([
      "TEST",
      0x7997405c,
      SIG_TYPE_ED25519,
    ]);
    expect(remora?.ok && [remora.key.name, remora.key.keyId, remora.key.type]).toEqual([
      "remora.n621.de",
      0xda77ade7,
      SIG_TYPE_COSIGNATURE_V1,
    ]);
    for (const entry of v.invalid as string[]) {
      const result = parseVerifierKey(keyOf(entry));
      expect(result.ok, entry).toBe(false);
      expect(() => newVerifier(keyOf(entry)), entry).toThrow(/invalid verifier key/);
    }
  });
});
