// verify.ts against published vectors: the RFC 6962 reference tree and proofs from
// transparency-dev/merkle, and C2SP / Go sumdb signed notes; then the whole entry check end to
// end against a tree and checkpoint built here. Runs under Node (globalThis.crypto.subtle).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { vectorPath } from "../../../../test/support/vectors.js";
import {
  type Bytes,
  concat,
  ed25519KeyId,
  fromBase64,
  fromHex,
  leafHash,
  nodeHash,
  parseCheckpoint,
  parseSignedNote,
  parseVerifierKey,
  rootFromInclusionProof,
  sha256,
  toBase64,
  toHex,
  utf8,
  type VerifyInput,
  verifyEntry,
  verifyNoteSignature,
  webCryptoSupport,
} from "./verify.js";

// web/src/features/evidence → /work/main → /work/shared/vectors
const VECTORS = `${vectorPath()}/`;
const json = (path: string) => JSON.parse(readFileSync(join(VECTORS, path), "utf8"));

interface ReferenceTree {
  hasher_vectors: {
    desc: string;
    want: string;
    leaf_input_hex?: string;
    left_hex?: string;
    right_hex?: string;
  }[];
  leaf_inputs_hex: string[];
  leaf_hashes_hex: string[];
  root_by_tree_size: Record<string, string>;
  inclusion_proofs: { leafIdx: number; treeSize: number; proof: string[] }[];
}

const tree: ReferenceTree = json("merkle/rfc6962_reference_tree.json");

function hex(text: string): Bytes {
  const bytes = fromHex(text);
  if (!bytes) throw new Error(`bad hex ${text}`);
  return bytes;
}

const leaves = tree.leaf_inputs_hex.map(hex);

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), computed from the leaves: a reference to check folding with. */
async function path(m: number, entries: Bytes[]): Promise<Bytes[]> {
  if (entries.length <= 1) return [];
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  if (m < k) return [...(await path(m, entries.slice(0, k))), await mth(entries.slice(k))];
  return [...(await path(m - k, entries.slice(k))), await mth(entries.slice(0, k))];
}

async function mth(entries: Bytes[]): Promise<Bytes> {
  if (entries.length === 0) return sha256();
  if (entries.length === 1) return leafHash(entries[0] as Bytes);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return nodeHash(await mth(entries.slice(0, k)), await mth(entries.slice(k)));
}

describe("RFC 6962 hashing", () => {
  it("matches the hasher vectors", async () => {
    for (const v of tree.hasher_vectors) {
      let got: Bytes;
      if (v.left_hex !== undefined && v.right_hex !== undefined)
        got = await nodeHash(hex(v.left_hex), hex(v.right_hex));
      else if (v.leaf_input_hex !== undefined) got = await leafHash(hex(v.leaf_input_hex));
      else got = await sha256();
      expect(toHex(got), v.desc).toBe(v.want);
    }
  });

  it("hashes every reference leaf", async () => {
    for (const [i, leaf] of leaves.entries()) {
      expect(toHex(await leafHash(leaf))).toBe(tree.leaf_hashes_hex[i]);
    }
  });

  it("has a reference MTH that reproduces every reference root", async () => {
    for (const [size, root] of Object.entries(tree.root_by_tree_size)) {
      expect(toHex(await mth(leaves.slice(0, Number(size))))).toBe(root);
    }
  });
});

describe("inclusion proofs (RFC 9162 §2.1.3.2)", () => {
  it("folds the reference proofs to the reference roots", async () => {
    for (const { leafIdx, treeSize, proof } of tree.inclusion_proofs) {
      const leaf = hex(tree.leaf_hashes_hex[leafIdx] as string);
      const result = await rootFromInclusionProof(leafIdx, treeSize, leaf, proof.map(hex));
      expect(result.ok, `${leafIdx}/${treeSize}`).toBe(true);
      if (result.ok) expect(toHex(result.root)).toBe(tree.root_by_tree_size[String(treeSize)]);
    }
  });

  it("folds PATH(m, n) to the root for every leaf of every tree size 1..8", async () => {
    for (let size = 1; size <= leaves.length; size++) {
      for (let m = 0; m < size; m++) {
        const leaf = hex(tree.leaf_hashes_hex[m] as string);
        const result = await rootFromInclusionProof(m, size, leaf, await path(m, leaves.slice(0, size)));
        expect(result.ok && toHex(result.root), `${m}/${size}`).toBe(tree.root_by_tree_size[String(size)]);
      }
    }
  });

  it("agrees with every transparency-dev inclusion vector, including the ones that must fail", async () => {
    const dir = join(VECTORS, "merkle/transparency-dev-merkle/testdata/inclusion");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(90);
    let failing = 0;
    for (const file of files) {
      const v = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
        leafIdx: number;
        treeSize: number;
        root: string | null;
        leafHash: string | null;
        proof: string[] | null;
        wantErr: boolean;
      };
      const result = await rootFromInclusionProof(
        v.leafIdx,
        v.treeSize,
        fromBase64(v.leafHash ?? "") ?? new Uint8Array(0),
        (v.proof ?? []).map((p) => fromBase64(p) ?? new Uint8Array(0)),
      );
      const root = fromBase64(v.root ?? "") ?? new Uint8Array(0);
      const verified = result.ok && toHex(result.root) === toHex(root);
      expect(verified, `${file}: ${JSON.stringify(result.ok ? "root" : result.reason)}`).toBe(!v.wantErr);
      if (v.wantErr) failing++;
    }
    expect(failing).toBeGreaterThan(0);
  });

  it("rejects a proof with a hash too many or too few, or a wrong index", async () => {
    const leaf = hex(tree.leaf_hashes_hex[5] as string);
    const proof = (tree.inclusion_proofs.find((p) => p.leafIdx === 5 && p.treeSize === 8)?.proof ?? []).map(
      hex,
    );
    expect(proof).toHaveLength(3);
    expect(await rootFromInclusionProof(5, 8, leaf, [...proof, proof[0] as Bytes])).toEqual({
      ok: false,
      reason: "proof_too_long",
    });
    expect(await rootFromInclusionProof(5, 8, leaf, proof.slice(0, 2))).toEqual({
      ok: false,
      reason: "proof_too_short",
    });
    expect(await rootFromInclusionProof(8, 8, leaf, proof)).toEqual({
      ok: false,
      reason: "index_out_of_range",
    });
    const wrongIndex = await rootFromInclusionProof(4, 8, leaf, proof);
    expect(wrongIndex.ok && toHex(wrongIndex.root)).not.toBe(tree.root_by_tree_size["8"]);
  });
});

interface NoteVector {
  id: string;
  vkey?: string;
  note?: string;
}
const notes: NoteVector[] = json("signed-note/signed_note_vectors.json").vectors;
const noteVector = (id: string) => {
  const v = notes.find((n) => n.id === id);
  if (!v?.vkey || !v.note) throw new Error(`missing vector ${id}`);
  return { vkey: v.vkey, note: v.note };
};

describe("C2SP signed notes (Ed25519 via WebCrypto)", () => {
  it("has Ed25519 in this WebCrypto", async () => {
    expect(await webCryptoSupport()).toBe("ok");
  });

  it.each(["go-sumdb-note-peter", "c2sp-signed-note-example", "sum.golang.org-real-checkpoint"])(
    "verifies %s, and its key ID",
    async (id) => {
      const { vkey, note } = noteVector(id);
      const parsed = parseVerifierKey(vkey);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(toHex(await ed25519KeyId(parsed.key.name, parsed.key.publicKey))).toBe(toHex(parsed.key.keyId));
      expect((await verifyNoteSignature(note, parsed.key)).ok).toBe(true);
    },
  );

  it("reads the real sum.golang.org checkpoint", () => {
    const signed = parseSignedNote(noteVector("sum.golang.org-real-checkpoint").note);
    const checkpoint = signed && parseCheckpoint(signed.text);
    expect(checkpoint?.origin).toBe("go.sum database tree");
    expect(checkpoint?.size).toBe(6476701);
    expect(checkpoint && toBase64(checkpoint.rootHash)).toBe("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=");
  });

  it("rejects a checkpoint whose size was changed", async () => {
    const { vkey, note } = noteVector("sum.golang.org-tampered-size");
    const parsed = parseVerifierKey(vkey);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(await verifyNoteSignature(note, parsed.key)).toMatchObject({
      ok: false,
      reason: "signature_invalid",
    });
  });

  it("ignores signatures by other keys and needs one by the given key", async () => {
    const two = notes.find((n) => n.id === "go-sumdb-note-peter+enoch")?.note ?? "";
    const peter = parseVerifierKey(noteVector("go-sumdb-note-peter").vkey);
    if (!peter.ok) throw new Error(peter.reason);
    expect((await verifyNoteSignature(two, peter.key)).ok).toBe(true);
    const other = parseVerifierKey(noteVector("c2sp-signed-note-example").vkey);
    if (!other.ok) throw new Error(other.reason);
    expect(await verifyNoteSignature(two, other.key)).toMatchObject({
      ok: false,
      reason: "no_signature_for_key",
    });
  });

  it("parses verifier keys whose base64 contains '+', and refuses malformed ones", () => {
    expect(parseVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").ok).toBe(true);
    expect(parseVerifierKey("bananas.sigstore.dev+12344556")).toEqual({ ok: false, reason: "key_malformed" });
    expect(parseVerifierKey("rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!")).toEqual({
      ok: false,
      reason: "key_malformed",
    });
    expect(parseVerifierKey("rekor.sigstore.dev+12345678+AwEB")).toEqual({
      ok: false,
      reason: "key_unsupported_algorithm",
    });
    expect(
      parseVerifierKey("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="),
    ).toMatchObject({ ok: false });
  });
});

describe("verifyEntry end to end", () => {
  const origin = "yaosu.test/evidence";

  /** A log of `entries` (default: the 8 reference leaves), a key, and a checkpoint signed with it. */
  async function fixture(
    entries: Bytes[] = leaves,
  ): Promise<Omit<VerifyInput, "index" | "entryBytes" | "proofHashes">> {
    const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const pub = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const keyId = await ed25519KeyId(origin, pub);
    const vkey = `${origin}+${toHex(keyId)}+${toBase64(concat(Uint8Array.of(1), pub))}`;
    const text = `${origin}\n${entries.length}\n${toBase64(await mth(entries))}\n`;
    const sig = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, pair.privateKey, utf8(text)));
    const note = `${text}\n\u2014 ${origin} ${toBase64(concat(keyId, sig))}\n`;
    return { checkpointNote: note, verifierKey: vkey, expectedOrigin: origin };
  }

  const proofFor = (m: number) => path(m, leaves).then((p) => p.map(toHex));

  it("is valid for every leaf, with every step passed", async () => {
    const base = await fixture();
    for (let m = 0; m < leaves.length; m++) {
      const report = await verifyEntry({
        ...base,
        index: m,
        entryBytes: leaves[m] as Bytes,
        claimedLeafHash: tree.leaf_hashes_hex[m] as string,
        proofHashes: await proofFor(m),
      });
      expect(report.verdict, `leaf ${m}`).toBe("valid");
      expect(report.steps.map((s) => [s.id, s.status])).toEqual([
        ["leaf", "pass"],
        ["key", "pass"],
        ["signature", "pass"],
        ["checkpoint", "pass"],
        ["proof", "pass"],
        ["root", "pass"],
      ]);
      expect(report.checkpoint?.size).toBe(8);
    }
  });

  it("checks that the JSON shown is what the bytes say", async () => {
    const bytes = utf8('{"id":"evt_1","type":"x"}');
    const input = { ...(await fixture([bytes])), index: 0, entryBytes: bytes, proofHashes: [] };
    const shown = { type: "x", id: "evt_1" };
    expect((await verifyEntry({ ...input, shownEntry: shown })).verdict).toBe("valid");
    const lied = await verifyEntry({ ...input, shownEntry: { ...shown, type: "y" } });
    expect(lied.verdict).toBe("invalid");
    expect(lied.steps[0]).toMatchObject({ id: "leaf", status: "fail", reason: "entry_content_mismatch" });
  });

  it("is invalid when the entry bytes were altered", async () => {
    const base = await fixture();
    const report = await verifyEntry({
      ...base,
      index: 5,
      entryBytes: utf8("tampered"),
      claimedLeafHash: tree.leaf_hashes_hex[5] as string,
      proofHashes: await proofFor(5),
    });
    expect(report.verdict).toBe("invalid");
    expect(report.steps.find((s) => s.id === "leaf")).toMatchObject({
      status: "fail",
      reason: "leaf_hash_mismatch",
    });
    expect(report.steps.find((s) => s.id === "root")).toMatchObject({
      status: "fail",
      reason: "root_mismatch",
    });
  });

  it("is invalid when a proof hash was altered", async () => {
    const base = await fixture();
    const proof = await proofFor(2);
    proof[1] = `${proof[1]?.slice(0, -1)}${proof[1]?.endsWith("0") ? "1" : "0"}`;
    const report = await verifyEntry({
      ...base,
      index: 2,
      entryBytes: leaves[2] as Bytes,
      proofHashes: proof,
    });
    expect(report.verdict).toBe("invalid");
    expect(report.steps.find((s) => s.id === "root")).toMatchObject({
      status: "fail",
      reason: "root_mismatch",
    });
  });

  it("is invalid when the checkpoint was signed by another key or altered", async () => {
    const base = await fixture();
    const other = await fixture();
    const input = { index: 3, entryBytes: leaves[3] as Bytes, proofHashes: await proofFor(3) };
    const foreign = await verifyEntry({ ...base, ...input, verifierKey: other.verifierKey });
    expect(foreign.verdict).toBe("invalid");
    expect(foreign.steps.find((s) => s.id === "signature")).toMatchObject({
      status: "fail",
      reason: "no_signature_for_key",
    });
    expect(foreign.steps.find((s) => s.id === "root")?.status).toBe("skipped");

    const altered = await verifyEntry({
      ...base,
      ...input,
      checkpointNote: base.checkpointNote.replace("\n8\n", "\n9\n"),
    });
    expect(altered.steps.find((s) => s.id === "signature")).toMatchObject({
      status: "fail",
      reason: "signature_invalid",
    });
  });

  it("is invalid when the server gives no proof", async () => {
    const base = await fixture();
    const report = await verifyEntry({
      ...base,
      index: 6,
      entryBytes: leaves[6] as Bytes,
      proofHashes: null,
    });
    expect(report.verdict).toBe("invalid");
    expect(report.steps.find((s) => s.id === "proof")).toMatchObject({
      status: "fail",
      reason: "proof_unavailable",
    });
    expect(report.steps.find((s) => s.id === "root")?.status).toBe("skipped");
  });

  it("is invalid when the key ID does not match the key", async () => {
    const base = await fixture();
    const report = await verifyEntry({
      ...base,
      // The base64 may contain "+" too: replace only the key ID field.
      verifierKey: base.verifierKey.replace(/^([^+]+)\+[0-9a-f]{8}\+/, "$1+00000000+"),
      index: 0,
      entryBytes: leaves[0] as Bytes,
      proofHashes: await proofFor(0),
    });
    expect(report.steps.find((s) => s.id === "key")).toMatchObject({
      status: "fail",
      reason: "key_id_mismatch",
    });
    expect(report.verdict).toBe("invalid");
  });

  it("is invalid when the origin is not the one the log states", async () => {
    const base = await fixture();
    const report = await verifyEntry({
      ...base,
      expectedOrigin: "another.log/x",
      index: 1,
      entryBytes: leaves[1] as Bytes,
      proofHashes: await proofFor(1),
    });
    expect(report.steps.find((s) => s.id === "checkpoint")).toMatchObject({
      status: "fail",
      reason: "origin_mismatch",
    });
    expect(report.verdict).toBe("invalid");
  });
});
