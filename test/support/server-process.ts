import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import {
  emptyRoot,
  fromHex,
  leafHash,
  MemoryTree,
  toHex,
  verifyConsistency,
} from "../../src/lib/merkle/index.js";
import { type Checkpoint, newVerifier, openCheckpoint } from "../../src/lib/signed-note/index.js";

/**
 * The BUILT server (`node bin/yaosu.js serve --demo`) as a separate process, for tests that
 * must kill it for real (SIGKILL) or run several exchange processes side by side. Build first:
 * `npm run build:server`.
 *
 * The second half of the file audits a running server's evidence log from the outside, through
 * the public API only, the way an independent verifier would.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/yaosu.js", import.meta.url));
const BUILT_MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export function requireBuiltServer(): void {
  if (!existsSync(BUILT_MAIN))
    throw new Error(`${BUILT_MAIN} is missing: run \`npm run build:server\` before these tests`);
}

/** Runs the built CLI (`node bin/yaosu.js …`) to completion. */
export function runCli(args: string[], timeoutMs = 30_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: timeoutMs });
}

/**
 * Whether the built CLI has `yaosu verify log` (commander answers an unknown command's --help
 * with the top-level help and exit 0, so look for the command in the help text instead).
 */
export function builtCliHasVerifyLog(): boolean {
  return (
    /^\s+verify\b/m.test(runCli(["--help"]).stdout) && /^\s+log\b/m.test(runCli(["verify", "--help"]).stdout)
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** settles when the process has exited (never rejects) */
  readonly exited: Promise<Exit>;
  /** stdout and stderr so far, interleaved, for failure messages */
  output(): string;
  /** sends the signal (unless it already exited) and waits for the exit */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface ServerOptions {
  /** a label in messages, e.g. "A" */
  name?: string;
  /** YAOSU_* variables; YAOSU_DATA_DIR at least. Defaults below are overridden by these. */
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

// Children still running when the worker exits (a crashed test, a timeout) must not linger.
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  requireBuiltServer();
  const name = options.name ?? "server";
  const port = await freePort();
  // The test runner's own YAOSU_* variables must not leak into the server under test.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("YAOSU_")),
  );
  const child = spawn(process.execPath, [BIN, "serve", "--demo", "--port", String(port)], {
    cwd: ROOT,
    env: {
      ...inherited,
      YAOSU_HOST: "127.0.0.1",
      YAOSU_LOG_LEVEL: "warn",
      YAOSU_CHECKPOINT_INTERVAL_MS: "200",
      YAOSU_DEMO_PASSWORD: "demo-password-for-tests",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const chunks: string[] = [];
  const MAX_CHUNKS = 2000;
  const collect = (stream: string) => (data: Buffer) => {
    chunks.push(`[${name} ${stream}] ${data.toString("utf8")}`);
    if (chunks.length > MAX_CHUNKS) chunks.splice(0, chunks.length - MAX_CHUNKS);
  };
  child.stdout?.on("data", collect("out"));
  child.stderr?.on("data", collect("err"));
  const output = () => chunks.join("");
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
    child.once("error", (error) => {
      chunks.push(`[${name}] spawn error: ${error.message}\n`);
      live.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  let exit: Exit | null = null;
  void exited.then((e) => {
    exit = e;
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    name,
    url,
    pid: child.pid ?? -1,
    exited,
    output,
    async kill(signal = "SIGKILL") {
      if (exit === null && child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exit !== null) {
      const e = exit as Exit;
      throw new Error(
        `${name} exited (code ${e.code}, signal ${e.signal}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill("SIGKILL");
      throw new Error(`${name} was not ready at ${url}/readyz within the deadline:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails with `what` at the deadline. */
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const label = typeof what === "string" ? what : what();
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${label}${lastError ? ` (last error: ${String(lastError)})` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/* ---------- auditing the evidence log through the public API ---------- */

export interface LogKeyInfo {
  origin: string;
  verifierKey: string;
}

export interface SignedCheckpoint extends Checkpoint {
  note: string;
}

export const logKeyOf = (url: string) => getJson<LogKeyInfo>(`${url}/api/v1/evidence/key`);

/** The latest checkpoint, its signature checked against the log key; undefined before the first. */
export async function fetchCheckpoint(url: string, key: LogKeyInfo): Promise<SignedCheckpoint | undefined> {
  const response = await fetch(`${url}/api/v1/evidence/checkpoint`, { signal: AbortSignal.timeout(10_000) });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET checkpoint: ${response.status} ${await response.text()}`);
  return openSigned(await response.text(), key);
}

export function openSigned(note: string, key: LogKeyInfo): SignedCheckpoint {
  const opened = openCheckpoint(note, newVerifier(key.verifierKey), { origin: key.origin });
  if (!opened.ok) throw new Error(`checkpoint does not verify: ${opened.reason}\n${note}`);
  return { ...opened.checkpoint, note };
}

export interface LogEntry {
  index: number;
  bytes: Buffer;
  leafHash: Uint8Array;
  event: { id: string; type: string; subjectIds: string[]; payload: Record<string, unknown> };
}

/** Every entry of the log, with its exact bytes, paged 1000 at a time. */
export async function fetchAllEntries(url: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (;;) {
    const page = await getJson<{ items: { index: number; leafHash: string; entryBase64: string }[] }>(
      `${url}/api/v1/evidence/entries?start=${entries.length}&limit=1000`,
    );
    for (const item of page.items) {
      if (item.index !== entries.length)
        throw new Error(`entries are not contiguous: expected index ${entries.length}, got ${item.index}`);
      const bytes = Buffer.from(item.entryBase64, "base64");
      const hash = leafHash(bytes);
      // The served leaf hash must be the hash of the served bytes.
      if (toHex(hash) !== item.leafHash)
        throw new Error(`entry ${item.index}: leaf hash does not match its bytes`);
      entries.push({ index: item.index, bytes, leafHash: hash, event: JSON.parse(bytes.toString("utf8")) });
    }
    if (page.items.length < 1000) return entries;
  }
}

export interface AuditResult {
  entries: LogEntry[];
  checkpoint: SignedCheckpoint;
  /** roots recomputed from the entries (hex), by tree size (0..n) */
  rootAt(size: number): string;
}

/**
 * Audits the whole log against its latest signed checkpoint: every leaf hash and the root are
 * recomputed from the entries' bytes, no event appears twice, and every checkpoint the log ever
 * published (this server's `/checkpoints`) has the root of the recomputed tree at its size — the
 * log never forked. Throws with the first discrepancy.
 */
export async function auditLog(url: string, key: LogKeyInfo): Promise<AuditResult> {
  const checkpoint = await fetchCheckpoint(url, key);
  if (!checkpoint) throw new Error("no checkpoint published");
  const entries = await fetchAllEntries(url);
  if (entries.length < checkpoint.size)
    throw new Error(`checkpoint covers ${checkpoint.size} entries but only ${entries.length} are served`);
  const tree = new MemoryTree();
  const roots: string[] = [toHex(emptyRoot())];
  for (const entry of entries) {
    tree.append(entry.leafHash);
    roots.push(toHex(tree.root()));
  }
  const rootAt = (size: number) => {
    const root = roots[size];
    if (root === undefined) throw new RangeError(`no recomputed root for size ${size}`);
    return root;
  };
  if (rootAt(checkpoint.size) !== toHex(checkpoint.rootHash))
    throw new Error(`recomputed root at ${checkpoint.size} differs from the signed checkpoint`);
  const ids = new Map<string, number>();
  for (const entry of entries) {
    const first = ids.get(entry.event.id);
    if (first !== undefined)
      throw new Error(`event ${entry.event.id} is in the log twice: entries ${first} and ${entry.index}`);
    ids.set(entry.event.id, entry.index);
  }
  let after: number | null = null;
  for (;;) {
    const page: { items: { size: number; rootHash: string; note: string }[] } = await getJson(
      `${url}/api/v1/evidence/checkpoints?limit=1000${after === null ? "" : `&after=${after}`}`,
    );
    for (const item of page.items) {
      const opened = openSigned(item.note, key);
      if (opened.size !== item.size || toHex(opened.rootHash) !== item.rootHash)
        throw new Error(`checkpoint ${item.size}: listed fields differ from its signed note`);
      if (opened.size <= entries.length && rootAt(opened.size) !== item.rootHash)
        throw new Error(`published checkpoint of size ${item.size} is not a prefix of the log (fork)`);
      after = item.size;
    }
    if (page.items.length < 1000) break;
  }
  return { entries, checkpoint, rootAt };
}

/**
 * Asks the server for a consistency proof between two signed checkpoints and verifies it
 * against the roots they sign (not the roots the proof answer claims).
 */
export async function checkConsistency(url: string, from: Checkpoint, to: Checkpoint): Promise<void> {
  const proof = await getJson<{ hashes: string[] }>(
    `${url}/api/v1/evidence/consistency?from=${from.size}&to=${to.size}`,
  );
  const result = verifyConsistency(from.size, to.size, proof.hashes.map(fromHex), from.rootHash, to.rootHash);
  if (!result.ok)
    throw new Error(`consistency ${from.size} → ${to.size} does not verify: ${result.code} ${result.reason}`);
}
