import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `yaosu node …` as a holder runs it: the built CLI in a child process, configured only through
 * the environment, against a fresh data dir.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "yaosu.js");
const BUILT = join(ROOT, "dist", "cli", "commands", "node.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("YAOSU_")),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...clean, NO_COLOR: "1", YAOSU_LOG_LEVEL: "warn", ...env },
      stdio: "pipe",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
let env: Record<string, string>;
const OWNER = "ptc_01HZZZZZZZZZZZZZZZZZZZZZZZ";

beforeAll(async () => {
  if (!existsSync(BUILT))
    throw new Error(`the CLI is not built: ${BUILT} is missing — run \`npm run build:server\``);
  dir = await mkdtemp(join(tmpdir(), "yaosu-node-cli-"));
  // A holder's own node is configured with its participant id once (see node-holder.ts).
  env = { YAOSU_DATA_DIR: join(dir, "data"), YAOSU_NODE_OWNER: OWNER };
  await writeFile(join(dir, "orders.csv"), "order_id,buyer,amount\n1,张三,12.5\n2,李四,\n3,王五,30\n");
  await writeFile(join(dir, "broken.csv"), "order_id,buyer,amount\n1,a,1\n2,b,2\n3,c\n4,d,4\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("yaosu node", () => {
  let id = "";

  it("imports a CSV file", async () => {
    const r = await run(["node", "import", join(dir, "orders.csv"), "--name", "orders", "--json"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as { id: string; rows: number; name: string };
    expect(record).toMatchObject({ name: "orders", rows: 3, ownerParticipantId: OWNER });
    id = record.id;
    expect(existsSync(join(dir, "data", "node", "vault", `${id}.parquet.sealed`))).toBe(true);
  });

  it("lists it", async () => {
    const r = await run(["node", "list", "--json"], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((d) => d.id)).toEqual([id]);
  });

  it("profiles it with a masked sample", async () => {
    const r = await run(["node", "profile", id, "--json"], env);
    expect(r.code).toBe(0);
    const profile = JSON.parse(r.stdout) as {
      rows: number;
      columnProfiles: { name: string; nullRate: number; max: string | null }[];
      sample: Record<string, string | null>[];
    };
    expect(profile.rows).toBe(3);
    expect(profile.columnProfiles.find((c) => c.name === "amount")).toMatchObject({
      nullRate: 1 / 3,
      max: "30.0",
    });
    expect(JSON.stringify(profile.sample)).not.toMatch(/张三|李四|王五/);
    const text = await run(["node", "profile", id], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("sample (masked)");
  });

  it("refuses a broken file with its line number, no stack trace, and imports nothing", async () => {
    const r = await run(["node", "import", join(dir, "broken.csv")], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^yaosu: invalid_file \(file\): broken\.csv: line 4\b/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const listed = await run(["node", "list", "--json"], env);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
    expect(readdirSync(join(dir, "data", "node", "vault")).filter((f) => f.startsWith(".tmp-"))).toEqual([]);
  });

  it("refuses a file over YAOSU_NODE_MAX_IMPORT_BYTES", async () => {
    const r = await run(["node", "import", join(dir, "orders.csv")], {
      ...env,
      YAOSU_NODE_MAX_IMPORT_BYTES: "16",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file_too_large/);
  });

  it("PR-3: asks whose data it is when neither --holder nor YAOSU_NODE_OWNER says", async () => {
    const { YAOSU_NODE_OWNER: _, ...unowned } = env;
    const r = await run(["node", "import", join(dir, "orders.csv")], unowned);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^yaosu: holder_required \(holder\): .*--holder/);
  });

  it("PR-3: --holder names a demo user's participant, checked in the exchange's database", async () => {
    const { YAOSU_NODE_OWNER: _, ...unowned } = env;
    const exchange = { ...unowned, YAOSU_DEMO_PASSWORD: "demo-password-for-cli" };
    expect((await run(["demo", "seed"], exchange)).code).toBe(0);
    const r = await run(
      ["node", "import", join(dir, "orders.csv"), "--holder", "enterprise-a", "--json"],
      exchange,
    );
    expect(r.stderr).toBe("");
    const record = JSON.parse(r.stdout) as { ownerParticipantId: string };
    expect(record.ownerParticipantId).toMatch(/^ptc_/);
    expect(record.ownerParticipantId).not.toBe(OWNER);
    const byId = await run(
      ["node", "import", join(dir, "orders.csv"), "--holder", record.ownerParticipantId],
      exchange,
    );
    expect(byId.code).toBe(0);
    const unknown = await run(
      ["node", "import", join(dir, "orders.csv"), "--holder", "nobody-here"],
      exchange,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/holder_not_found/);
    const listed = await run(["node", "list"], exchange);
    expect(listed.stdout).toContain(record.ownerParticipantId);
  });

  it("says which dataset it cannot find", async () => {
    const r = await run(["node", "profile", "dst_01HZZZZZZZZZZZZZZZZZZZZZZZ"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dataset_not_found/);
  });
});
