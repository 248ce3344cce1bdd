import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inclusionRanges, leafHash, rangeNodeIds } from "../../src/lib/merkle/index.js";
import { generateSignerKey } from "../../src/lib/signed-note/index.js";
import { type EvidenceRunner, startEvidenceLog } from "../../src/modules/evidence/index.js";
import { enterpriseApplication } from "../identity/applications.js";
import { type CliRun, yaosu } from "../support/cli.js";
import { type TestApp, testApp } from "../support/kernels.js";
import { vectorPath } from "../support/vectors.js";

/**
 * CT-7 offline verifier and auditor: the BUILT CLI (`node bin/yaosu.js verify …`) against a real
 * exchange listening on a port, with its sequencer running. Valid files and logs pass; a flipped
 * byte in any file, a wrong key, or a tampered entry or tree node in the database fails with a
 * one-line reason. Needs `npm run build:server` first.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VECTORS = vectorPath("signed-note", "signed_note_vectors.json");

/** A verdict is exactly one line, and a failure never dumps a stack trace. */
function expectVerdict(run: CliRun, code: number, pattern: RegExp): void {
  const context = JSON.stringify(run);
  expect(run.code, context).toBe(code);
  const out = code === 2 ? run.stderr : run.stdout;
  expect(out.trimEnd().split("\n"), context).toHaveLength(1);
  expect(out.trimEnd(), context).toMatch(pattern);
  expect(`${run.stdout}${run.stderr}`, context).not.toMatch(/\n\s+at /);
}

/** Runs are started together (each is a separate process) and checked in order. */
async function expectVerdicts(cases: readonly (readonly [Promise<CliRun>, number, RegExp])[]): Promise<void> {
  const runs = await Promise.all(cases.map(([run]) => run));
  for (const [i, [, code, pattern]] of cases.entries()) expectVerdict(runs[i] as CliRun, code, pattern);
}

const sizeOf = (note: string) => Number(note.split("\n")[1]);
const flipByte = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe("yaosu verify (built CLI) against a running exchange", () => {
  let t: TestApp;
  let runner: EvidenceRunner;
  let url: string;
  let dir: string;
  let older: string;
  let latest: string;
  let index: number;
  const file = (name: string) => join(dir, name);
  const get = async (path: string) => {
    const response = await fetch(`${url}/api/v1/evidence${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return Buffer.from(await response.arrayBuffer());
  };
  const apply = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const response = await fetch(`${url}/api/v1/participants`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(enterpriseApplication()),
      });
      expect(response.status).toBe(201);
    }
  };
  /** Waits until a signed checkpoint covers every event committed so far, and returns its note. */
  const checkpointCoveringAll = async () => {
    const { n } = await t.k.db
      .selectFrom("outbox_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await fetch(`${url}/api/v1/evidence/checkpoint`);
      const note = await response.text();
      if (response.ok && sizeOf(note) >= Number(n)) return note;
      if (Date.now() > deadline) throw new Error(`no checkpoint covers ${n} events: ${note}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    for (const built of ["dist/cli/main.js", "dist/cli/commands/verify.js"]) {
      if (!existsSync(join(ROOT, built))) {
        throw new Error(`${built} is missing: run \`npm run build:server\` before this test`);
      }
    }
    dir = await mkdtemp(join(tmpdir(), "yaosu-verify-"));
    t = await testApp("sqlite", { checkpointIntervalMs: 100 });
    runner = await startEvidenceLog(t.k);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    if (!address || typeof address === "string") throw new Error("server has no port");
    url = `http://127.0.0.1:${address.port}`;

    await apply(3);
    older = await checkpointCoveringAll();
    await apply(4);
    latest = await checkpointCoveringAll();
    expect(sizeOf(latest)).toBeGreaterThan(sizeOf(older));
    index = sizeOf(older) - 1;

    await writeFile(file("key.json"), await get("/key"));
    await writeFile(file("vkey.txt"), `${JSON.parse((await get("/key")).toString()).verifierKey}\n`);
    await writeFile(file("older.note"), older);
    await writeFile(file("latest.note"), latest);
    await writeFile(file("entry.bin"), await get(`/entries/${index}/raw`));
    await writeFile(file("proof.json"), await get(`/entries/${index}/proof?treeSize=${sizeOf(latest)}`));
    await writeFile(file("proof-older.json"), await get(`/entries/${index}/proof?treeSize=${sizeOf(older)}`));
    await writeFile(
      file("consistency.json"),
      await get(`/consistency?from=${sizeOf(older)}&to=${sizeOf(latest)}`),
    );
  });

  afterAll(async () => {
    await runner?.stop();
    await t?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const inclusion = (over: Record<string, string> = {}) =>
    yaosu(
      "verify",
      "inclusion",
      ...Object.entries({
        "--checkpoint": file("latest.note"),
        "--key": file("key.json"),
        "--proof": file("proof.json"),
        "--entry": file("entry.bin"),
        ...over,
      }).flat(),
    );
  const consistency = (over: Record<string, string> = {}) =>
    yaosu(
      "verify",
      "consistency",
      ...Object.entries({
        "--old": file("older.note"),
        "--new": file("latest.note"),
        "--key": file("key.json"),
        "--proof": file("consistency.json"),
        ...over,
      }).flat(),
    );
  /** Writes a tampered copy of a downloaded file and returns its path. */
  let tamperings = 0;
  const tampered = async (name: string, change: (bytes: Buffer) => Buffer | string) => {
    tamperings += 1;
    const path = file(`tampered-${tamperings}-${name}`);
    await writeFile(path, change(await readFile(file(name))));
    return path;
  };

  it("verifies a downloaded checkpoint, with the key as a file, a JSON file or a string", async () => {
    const { origin, verifierKey } = JSON.parse(await readFile(file("key.json"), "utf8"));
    const { rootHash } = JSON.parse((await get(`/entries/0/proof?treeSize=${sizeOf(latest)}`)).toString());
    const line = new RegExp(`^valid: ${origin} size ${sizeOf(latest)} root ${rootHash}$`);
    const check = (key: string) =>
      yaosu("verify", "checkpoint", "--checkpoint", file("latest.note"), "--key", key);
    await expectVerdicts([
      [check(file("key.json")), 0, line],
      [check(file("vkey.txt")), 0, line],
      [check(verifierKey), 0, line],
    ]);
    const json = await yaosu(
      "verify",
      "checkpoint",
      "--checkpoint",
      file("older.note"),
      "--key",
      verifierKey,
      "--json",
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, origin, size: sizeOf(older) });
  });

  it("rejects a checkpoint with a changed size line, a wrong key or a wrong origin", async () => {
    const check = (checkpoint: string, ...rest: string[]) =>
      yaosu("verify", "checkpoint", "--checkpoint", checkpoint, "--key", file("key.json"), ...rest);
    const resized = await tampered("latest.note", (b) =>
      b.toString().replace(`\n${sizeOf(latest)}\n`, `\n${sizeOf(latest) + 1}\n`),
    );
    // Same origin (key name), different key: the key ID tells them apart.
    const impostor = generateSignerKey(JSON.parse(await readFile(file("key.json"), "utf8")).origin).vkey;
    await expectVerdicts([
      [check(resized), 1, /^invalid: checkpoint: bad-signature/],
      [
        yaosu("verify", "checkpoint", "--checkpoint", file("latest.note"), "--key", impostor),
        1,
        /^invalid: checkpoint: no-known-signature/,
      ],
      [check(file("latest.note"), "--origin", "another.example/log"), 1, /is not the expected one/],
    ]);
  });

  it("verifies an inclusion proof against the checkpoint, and rejects every tampered input", async () => {
    const flipLastHex = (h: string) => `${h.slice(0, -1)}${h.endsWith("0") ? "1" : "0"}`;
    const changeHash = (b: Buffer) => {
      const proof = JSON.parse(b.toString());
      proof.hashes[0] = flipLastHex(proof.hashes[0]);
      return JSON.stringify(proof);
    };
    const claim = (field: string, value: string) => (b: Buffer) =>
      JSON.stringify({ ...JSON.parse(b.toString()), [field]: value });
    await expectVerdicts([
      [
        inclusion(),
        0,
        new RegExp(
          `^valid: entry ${index} \\(leaf [0-9a-f]{64}\\) is in .+ size ${sizeOf(latest)} root [0-9a-f]{64}$`,
        ),
      ],
      [
        inclusion({ "--entry": await tampered("entry.bin", (b) => flipByte(b, 10)) }),
        1,
        /^invalid: the entry bytes hash to leaf [0-9a-f]{64} but the proof is for leaf/,
      ],
      [
        inclusion({ "--proof": await tampered("proof.json", changeHash) }),
        1,
        new RegExp(
          `^invalid: inclusion proof for entry ${index} leads to root [0-9a-f]{64}, not the checkpoint's`,
        ),
      ],
      // The proof's own leafHash and rootHash are compared, never trusted.
      [
        inclusion({ "--proof": await tampered("proof.json", claim("leafHash", "ab".repeat(32))) }),
        1,
        /but the proof is for leaf abab/,
      ],
      [
        inclusion({ "--proof": await tampered("proof.json", claim("rootHash", "cd".repeat(32))) }),
        1,
        /^invalid: the proof's rootHash field cdcd.* is not the checkpoint's root/,
      ],
      [
        inclusion({ "--proof": file("proof-older.json") }),
        1,
        new RegExp(
          `^invalid: the proof is for tree size ${sizeOf(older)} but the checkpoint has size ${sizeOf(latest)}`,
        ),
      ],
      [
        inclusion({
          "--checkpoint": await tampered("latest.note", (b) => b.toString().replace(/\n(\d+)\n/, "\n1$1\n")),
        }),
        1,
        /^invalid: checkpoint: bad-signature/,
      ],
      [
        inclusion({ "--key": generateSignerKey("other.example/log").vkey }),
        1,
        /^invalid: checkpoint: no-known-signature/,
      ],
    ]);
  });

  it("reports bad files in one line: not JSON, wrong shape, missing file, malformed key", async () => {
    const badHex = (b: Buffer) => JSON.stringify({ ...JSON.parse(b.toString()), hashes: ["zz"] });
    await expectVerdicts([
      [
        inclusion({ "--proof": await tampered("proof.json", () => "{not json") }),
        1,
        /^invalid: --proof .*: not JSON/,
      ],
      [
        inclusion({ "--proof": await tampered("proof.json", badHex) }),
        1,
        /^invalid: --proof .*: unexpected shape at hashes\.0/,
      ],
      [inclusion({ "--entry": file("does-not-exist.bin") }), 2, /^yaosu: cannot read --entry .*: ENOENT/],
      [inclusion({ "--key": "nonsense" }), 2, /^yaosu: --key nonsense: no such file/],
      [inclusion({ "--key": "a+b+c" }), 1, /^invalid: --key: "a\+b\+c" is not a verifier key/],
    ]);
    const missing = await yaosu("verify", "inclusion", "--checkpoint", file("latest.note"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option/);
  });

  it("verifies a consistency proof between two checkpoints, and rejects tampered inputs", async () => {
    const changeHash = (b: Buffer) => {
      const proof = JSON.parse(b.toString());
      const last = proof.hashes.length - 1;
      proof.hashes[last] =
        `${proof.hashes[last].slice(0, -1)}${proof.hashes[last].endsWith("0") ? "1" : "0"}`;
      return JSON.stringify(proof);
    };
    await expectVerdicts([
      [
        consistency(),
        0,
        new RegExp(`^valid: .+ size ${sizeOf(older)} -> ${sizeOf(latest)} is consistent, root [0-9a-f]{64}$`),
      ],
      [
        consistency({ "--proof": await tampered("consistency.json", changeHash) }),
        1,
        /^invalid: consistency proof \d+ -> \d+: proof does not lead to root/,
      ],
      [
        consistency({ "--old": file("latest.note"), "--new": file("older.note") }),
        1,
        /^invalid: the proof is for sizes/,
      ],
      [
        consistency({ "--new": await tampered("latest.note", (b) => flipByte(b, b.indexOf("\n") + 1)) }),
        1,
        /^invalid: new checkpoint: /,
      ],
      [consistency({ "--key": generateSignerKey("x.example/log").vkey }), 1, /^invalid: old checkpoint: /],
    ]);
  });

  it("audits the whole log over HTTP: every entry, checkpoint and proof (verify log)", async () => {
    const run = await yaosu("verify", "log", "--url", url);
    expectVerdict(
      run,
      0,
      new RegExp(`^valid: ${sizeOf(latest)} entries, \\d+ checkpoints, root [0-9a-f]{64}$`),
    );
    const checkpoints = Number(/(\d+) checkpoints/.exec(run.stdout)?.[1]);
    expect(checkpoints).toBeGreaterThanOrEqual(2);
    const pinned = await yaosu(
      "verify",
      "log",
      "--url",
      `${url}/api/v1/evidence/`,
      "--key",
      file("key.json"),
      "--json",
    );
    expect(pinned.code, pinned.stdout + pinned.stderr).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ valid: true, entries: sizeOf(latest), checkpoints });
    expect((await yaosu("verify", "log", "--url", url, "--full")).code).toBe(0);
  });

  it("refuses a log serving another key than the pinned one, and an unreachable log", async () => {
    const other = generateSignerKey("other.example/log").vkey;
    expectVerdict(
      await yaosu("verify", "log", "--url", url, "--key", other),
      1,
      /^invalid: the log serves verifier key/,
    );
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    expectVerdict(
      await yaosu("verify", "log", "--url", `http://127.0.0.1:${port}`),
      1,
      /^invalid: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/evidence\/key failed: ECONNREFUSED/,
    );
    expectVerdict(
      await yaosu("verify", "log", "--url", "not a url"),
      2,
      /^yaosu: --url not a url is not a URL/,
    );
  });

  describe("database tampering is caught by verify log", () => {
    const entryRow = async (idx: number) =>
      t.k.db.selectFrom("evidence_entries").selectAll().where("idx", "=", idx).executeTakeFirstOrThrow();
    const setEntry = (idx: number, values: Record<string, Buffer>) =>
      t.k.db.updateTable("evidence_entries").set(values).where("idx", "=", idx).execute();
    const nodeHash = async (level: number, idx: number) =>
      Buffer.from(
        (
          await t.k.db
            .selectFrom("evidence_nodes")
            .select("hash")
            .where("level", "=", level)
            .where("idx", "=", idx)
            .executeTakeFirstOrThrow()
        ).hash,
      );
    const setNode = (level: number, idx: number, hash: Buffer) =>
      t.k.db
        .updateTable("evidence_nodes")
        .set({ hash })
        .where("level", "=", level)
        .where("idx", "=", idx)
        .execute();
    const audit = (...extra: string[]) => yaosu("verify", "log", "--url", url, ...extra);

    it("one changed byte of a stored entry names that entry's index", async () => {
      const original = await entryRow(index);
      const bytes = Buffer.from(original.entry);
      // Inside the event id string, so the bytes stay canonical JSON and only the hash gives it away.
      const at = bytes.indexOf('"id":"evt_') + '"id":"evt_'.length + 2;
      await setEntry(index, { entry: flipByte(bytes, at) });
      try {
        expectVerdict(
          await audit(),
          1,
          new RegExp(
            `^invalid: entry ${index}: the log gives leaf hash [0-9a-f]{64} but the entry bytes hash to`,
          ),
        );
      } finally {
        await setEntry(index, { entry: bytes });
      }
      expect((await audit()).code).toBe(0);
    });

    it("an entry rewritten together with its leaf hash breaks the signed root at the next checkpoint", async () => {
      const original = await entryRow(index);
      const bytes = Buffer.from(original.entry);
      // Still canonical JSON: only the event type's value changes.
      const forged = Buffer.from(bytes.toString().replace('"type":"', '"type":"forged.'));
      await setEntry(index, { entry: forged, leaf_hash: Buffer.from(leafHash(forged)) });
      try {
        expectVerdict(
          await audit(),
          1,
          /^invalid: checkpoint size \d+: signed root [0-9a-f]{64} but the entries give/,
        );
      } finally {
        await setEntry(index, { entry: bytes, leaf_hash: Buffer.from(original.leaf_hash) });
      }
    });

    it("one changed interior node (level ≥ 1) is caught through the proofs built from it", async () => {
      const size = sizeOf(latest);
      // A node on the inclusion path of the last entry, which every audit checks.
      const nodes = inclusionRanges(size - 1, size).flatMap((r) => rangeNodeIds(r.lo, r.hi));
      const node = nodes.filter((n) => n.level >= 1).sort((a, b) => b.level - a.level)[0];
      if (!node) throw new Error(`no interior node on the path of ${size - 1} in a tree of ${size}`);
      const original = await nodeHash(node.level, node.index);
      await setNode(node.level, node.index, flipByte(original, 0));
      try {
        expectVerdict(
          await audit(),
          1,
          /^invalid: checkpoint size \d+: (inclusion proof of entry \d+|consistency proof from size \d+)/,
        );
      } finally {
        await setNode(node.level, node.index, original);
      }
      expect((await audit()).code).toBe(0);
    });

    it("any changed node below the latest checkpoint is caught with --full", async () => {
      // Leaves 0 and 1: off the last entry's path, so only a full proof pass is sure to touch it.
      const original = await nodeHash(1, 0);
      await setNode(1, 0, flipByte(original, 31));
      try {
        expectVerdict(
          await audit("--full"),
          1,
          /^invalid: checkpoint size \d+: (inclusion|consistency) proof/,
        );
      } finally {
        await setNode(1, 0, original);
      }
    });

    it("a changed listed checkpoint root is caught against its signed note", async () => {
      const first = await t.k.db
        .selectFrom("evidence_checkpoints")
        .select(["size", "root_hash"])
        .orderBy("size")
        .executeTakeFirstOrThrow();
      const setRoot = (root: Buffer) =>
        t.k.db
          .updateTable("evidence_checkpoints")
          .set({ root_hash: root })
          .where("size", "=", first.size)
          .execute();
      await setRoot(flipByte(Buffer.from(first.root_hash), 5));
      try {
        expectVerdict(
          await audit(),
          1,
          new RegExp(
            `^invalid: checkpoint size ${Number(first.size)}: the listed root [0-9a-f]{64} is not the signed`,
          ),
        );
      } finally {
        await setRoot(Buffer.from(first.root_hash));
      }
    });
  });

  it("checks the real sum.golang.org checkpoint from the signed-note vectors, and its tampered twin", async () => {
    const vectors = JSON.parse(await readFile(VECTORS, "utf8")).vectors as Record<string, string>[];
    const vector = (id: string) => vectors.find((v) => v.id === id) as Record<string, string>;
    const real = vector("sum.golang.org-real-checkpoint");
    await writeFile(file("sumdb.note"), real.note as string);
    await writeFile(file("sumdb.vkey"), `${real.vkey}\n`);
    await writeFile(file("sumdb-tampered.note"), vector("sum.golang.org-tampered-size").note as string);
    const root = Buffer.from("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=", "base64").toString("hex");
    expectVerdict(
      await yaosu(
        "verify",
        "checkpoint",
        "--checkpoint",
        file("sumdb.note"),
        "--key",
        file("sumdb.vkey"),
        "--origin",
        "go.sum database tree",
      ),
      0,
      new RegExp(`^valid: go.sum database tree size 6476701 root ${root}$`),
    );
    expectVerdict(
      await yaosu(
        "verify",
        "checkpoint",
        "--checkpoint",
        file("sumdb-tampered.note"),
        "--key",
        file("sumdb.vkey"),
      ),
      1,
      /^invalid: checkpoint: bad-signature: signature by sum\.golang\.org\+033de0ae does not verify/,
    );
  });
});
