import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";

/**
 * The BUILT server (`node bin/yaosu.js serve --demo`) as a separate process, for tests that
 * must kill it for real (SIGKILL) or run several exchange processes side by side. Build first:
 * `npm run build:server`.
 * The log audit through the public API is in log-audit.ts.
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
