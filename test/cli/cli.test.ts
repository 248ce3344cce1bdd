import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshUscc } from "../identity/applications.js";
import { createTestDatabase } from "../support/pg.js";

/**
 * The `yaosu` command line, run as a user runs it: the built CLI (`node bin/yaosu.js …`) in a
 * child process, configured only through the environment, against a fresh data dir (SQLite) or a
 * fresh PostgreSQL database.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "yaosu.js");
const BUILT = join(ROOT, "dist", "cli", "main.js");
const DEMO_PASSWORD = "demo-password-for-the-cli-tests";
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a user would have: none of the caller's YAOSU_* settings leak in. */
function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("YAOSU_")) env[name] = value;
  return { ...env, NO_COLOR: "1", YAOSU_LOG_LEVEL: "warn", YAOSU_HOST: "127.0.0.1", ...extra };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(env), stdio: "pipe" });
}

function run(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = start(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`yaosu ${args.join(" ")} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface ListedParticipant {
  id: string;
  type: string;
  status: string;
  name: string;
  uscc: string | null;
}

beforeAll(() => {
  if (!existsSync(BUILT)) {
    throw new Error(
      `the CLI is not built: ${BUILT} is missing — run \`npm run build:server\` (\`npm test\` builds it in pretest)`,
    );
  }
});

// Read-only and independent of each other, so they run side by side.
describe.concurrent("yaosu CLI --help", () => {
  const env = { YAOSU_DATA_DIR: join(tmpdir(), "yaosu-cli-help-never-created") };

  it("the root help lists every command and exits 0", async ({ expect }) => {
    const help = await run(["--help"], env);
    expect(help.code, help.stderr).toBe(0);
    for (const command of ["serve", "db", "participant", "user", "demo"]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
    expect(help.stdout).toContain("--version");
  });

  it("--version prints the package version", async ({ expect }) => {
    const version = await run(["--version"], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
  });

  it.for<[string[], string[]]>([
    [["serve"], ["--demo", "--port"]],
    [["db"], ["migrate"]],
    [["db", "migrate"], ["apply pending migrations"]],
    [["participant"], ["list", "create", "admit", "reject", "suspend", "reinstate", "exit"]],
    [
      ["participant", "list"],
      ["--status", "--type", "--json"],
    ],
    [
      ["participant", "create"],
      [
        "--type",
        "--name",
        "--uscc",
        "--resident-id",
        "--region",
        "--email",
        "--service-kinds",
        "--admitted",
        "--json",
      ],
    ],
    [
      ["participant", "admit"],
      ["<id>", "--reason"],
    ],
    [
      ["participant", "reject"],
      ["<id>", "--reason"],
    ],
    [
      ["participant", "suspend"],
      ["<id>", "--reason"],
    ],
    [
      ["participant", "reinstate"],
      ["<id>", "--reason"],
    ],
    [
      ["participant", "exit"],
      ["<id>", "--reason"],
    ],
    [["user"], ["create"]],
    [
      ["user", "create"],
      ["--participant", "--username", "--password", "--roles", "--display-name", "--json"],
    ],
    [["demo"], ["seed"]],
    [["demo", "seed"], ["--json"]],
  ])("yaosu %j --help exits 0 and names %j", async ([command, names], { expect }) => {
    const help = await run([...command, "--help"], env);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain(`Usage: yaosu ${command.join(" ")}`);
    for (const name of names) expect(help.stdout).toContain(name);
    expect(help.stderr).toBe("");
  });

  it("an unknown command or option exits 2 with the usage", async ({ expect }) => {
    const unknown = await run(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const option = await run(["participant", "list", "--colour"], env);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--colour'");
    expect(option.stderr).toContain("Usage: yaosu participant list");
  });
});

describe("yaosu CLI on SQLite", () => {
  let dataDir: string;
  let env: Record<string, string>;
  const yaosu = (...args: string[]) => run(args, env);
  /** Reads the SQLite file directly, to see what a refused command did (nothing, it should be). */
  const count = (table: string) => {
    const db = new SQLite(join(dataDir, "yaosu.sqlite"), { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const list = async (...filters: string[]) => {
    const listed = await yaosu("participant", "list", "--json", ...filters);
    expect(listed.code, listed.stderr).toBe(0);
    return JSON.parse(listed.stdout) as ListedParticipant[];
  };
  const createPending = async () => {
    const uscc = freshUscc();
    const created = await yaosu(
      "participant",
      "create",
      "--type",
      "enterprise",
      "--name",
      "命令行测试有限公司",
      "--uscc",
      uscc,
      "--json",
    );
    expect(created.code, created.stderr).toBe(0);
    const participant = JSON.parse(created.stdout) as ListedParticipant;
    expect(participant).toMatchObject({ status: "pending", uscc });
    return participant;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "yaosu-cli-"));
    env = { YAOSU_DATA_DIR: dataDir, YAOSU_DEMO_PASSWORD: DEMO_PASSWORD };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("db migrate applies the migrations once; a second run says the database is up to date", async () => {
    const first = await yaosu("db", "migrate");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^applied: \S+/);
    expect(first.stdout).toContain("identity");
    const second = await yaosu("db", "migrate");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe("database is up to date");
  });

  it("demo seed is idempotent: the second run creates nothing and the participants stay the same", async () => {
    const first = await yaosu("demo", "seed", "--json");
    expect(first.code, first.stderr).toBe(0);
    const seeded = JSON.parse(first.stdout) as {
      created: string[];
      existing: string[];
      generatedPassword: null;
    };
    expect(seeded.created).toHaveLength(8);
    expect(seeded.created).toContain("operator");
    expect(seeded.generatedPassword).toBeNull();
    const after1 = await list();

    const second = await yaosu("demo", "seed", "--json");
    expect(second.code, second.stderr).toBe(0);
    const again = JSON.parse(second.stdout) as { created: string[]; existing: string[] };
    expect(again.created).toEqual([]);
    expect([...again.existing].sort()).toEqual([...seeded.created].sort());
    expect(await list()).toEqual(after1);
  });

  it("participant list --json is JSON with the 8 demo participants, all admitted", async () => {
    const participants = await list();
    expect(participants).toHaveLength(8);
    expect(participants.every((p) => p.status === "admitted")).toBe(true);
    expect(new Set(participants.map((p) => p.type))).toEqual(
      new Set([
        "exchange_operator",
        "regulator",
        "government_body",
        "enterprise",
        "data_vendor",
        "third_party",
        "individual",
      ]),
    );
    const table = await yaosu("participant", "list");
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^id\s+type\s+status\s+name\s+identifier$/);
  });

  it("participant create with a bad USCC exits 1 with invalid_uscc and creates nothing", async () => {
    const before = count("participants");
    const events = count("outbox_events");
    const refused = await yaosu(
      "participant",
      "create",
      "--type",
      "enterprise",
      "--name",
      "错误代码有限公司",
      "--uscc",
      "91350100M000100Y42",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^yaosu: invalid_uscc \(uscc\): /);
    expect(refused.stdout).toBe("");
    expect(count("participants")).toBe(before);
    expect(count("outbox_events")).toBe(events);
  });

  it("participant create refuses bad options with validation_failed naming the flag, creating nothing", async () => {
    const before = count("participants");
    const badType = await yaosu(
      "participant",
      "create",
      "--type",
      "martian",
      "--name",
      "火星人",
      "--uscc",
      freshUscc(),
    );
    expect(badType.code).toBe(1);
    expect(badType.stderr).toMatch(/validation_failed \(type\): --type: /);
    const badKind = await yaosu(
      "participant",
      "create",
      "--type",
      "third_party",
      "--name",
      "第三方机构",
      "--uscc",
      freshUscc(),
      "--service-kinds",
      "notary,fortune_teller",
    );
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain("--service-kinds");
    const badStatus = await yaosu("participant", "list", "--status", "sleeping");
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toMatch(/validation_failed \(status\): --status: /);
    expect(count("participants")).toBe(before);
  });

  it("participant create leaves an application pending; participant admit <id> admits it", async () => {
    const { id } = await createPending();
    expect((await list("--status", "pending")).map((p) => p.id)).toContain(id);
    const admitted = await yaosu("participant", "admit", id);
    expect(admitted.code, admitted.stderr).toBe(0);
    expect(admitted.stdout.trim()).toBe(`${id} admitted`);
    expect((await list()).find((p) => p.id === id)?.status).toBe("admitted");
    const again = await yaosu("participant", "admit", id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("invalid_state");
  });

  it("participant reject without --reason exits 1 with reason_required and leaves the applicant pending", async () => {
    const { id } = await createPending();
    const events = count("outbox_events");
    const refused = await yaosu("participant", "reject", id);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^yaosu: reason_required \(reason\): /);
    expect((await list()).find((p) => p.id === id)?.status).toBe("pending");
    expect(count("outbox_events")).toBe(events);

    const rejected = await yaosu("participant", "reject", id, "--reason", "营业执照与申请信息不符");
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout.trim()).toBe(`${id} rejected`);
  });

  it("a transition on an unknown participant exits 1 with participant_not_found", async () => {
    const missing = await yaosu(
      "participant",
      "suspend",
      "ptc_01ARZ3NDEKTSV4RRFFQ69G5FAV",
      "--reason",
      "查无此户",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("participant_not_found");
  });

  it("user create for an unknown participant exits non-zero with participant_not_found and creates no user", async () => {
    const users = count("users");
    for (const participant of ["ptc_01ARZ3NDEKTSV4RRFFQ69G5FAV", "not-an-id"]) {
      const refused = await yaosu("user", "create", "--participant", participant, "--username", "ghost-user");
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("participant_not_found");
    }
    expect(count("users")).toBe(users);
  });

  it("user create refuses a bad username, short password or unknown role, naming the flag", async () => {
    const participant = (await list("--type", "data_vendor"))[0]?.id ?? "";
    const users = count("users");
    const cases: [string[], RegExp][] = [
      [["--username", "has space"], /\(username\): --username: /],
      [["--username", "shortpw-user", "--password", "short"], /\(password\): --password: /],
      [["--username", "roles-user", "--roles", "admin,overlord"], /--roles/],
      [["--username", "operator"], /username_taken/],
    ];
    for (const [args, message] of cases) {
      const refused = await yaosu("user", "create", "--participant", participant, ...args);
      expect(refused.code, args.join(" ")).toBe(1);
      expect(refused.stderr, args.join(" ")).toMatch(message);
    }
    expect(count("users")).toBe(users);
  });

  it("user create without --password prints a generated password once; that user logs in to `serve`, which stops on SIGTERM with exit 0", async () => {
    const enterprise = (await list("--type", "enterprise"))[0];
    expect(enterprise).toBeDefined();
    const username = `cli-user-${Date.now().toString(36)}`;
    const created = await yaosu(
      "user",
      "create",
      "--participant",
      enterprise?.id ?? "",
      "--username",
      username,
      "--roles",
      "member",
    );
    expect(created.code, created.stderr).toBe(0);
    const match = /^(usr_\S+) (\S+) password: (\S+)\n$/.exec(created.stdout);
    expect(match, created.stdout).not.toBeNull();
    const [, userId, printedName, password = ""] = match ?? [];
    expect(userId).toMatch(/^usr_/);
    expect(printedName).toBe(username);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(created.stdout.split(password)).toHaveLength(2); // printed exactly once

    const port = await freePort();
    const server = start(["serve", "--port", String(port)], env);
    let stdout = "";
    let stderr = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    server.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.on("exit", (code, signal) => resolve({ code, signal })),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)),
          20_000,
        );
        const check = () => {
          if (stdout.includes("is serving at")) {
            clearTimeout(timer);
            resolve();
          }
        };
        server.stdout?.on("data", check);
        void exited.then(({ code }) => {
          clearTimeout(timer);
          reject(new Error(`serve exited with ${code} before listening:\n${stdout}\n${stderr}`));
        });
      });
      expect(stdout).toContain(`:${port}`);

      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      expect(login.status).toBe(200);
      const session = (await login.json()) as {
        user: { id: string; roles: string[] };
        participant: { id: string };
      };
      expect(session.user).toMatchObject({ id: userId, roles: ["member"] });
      expect(session.participant.id).toBe(enterprise?.id);

      const wrong = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: `${password}x` }),
      });
      expect(wrong.status).toBe(401);
    } finally {
      server.kill("SIGTERM");
    }
    const { code, signal } = await exited;
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
  });

  it("YAOSU_PORT=notaport: serve exits 2 with a message naming YAOSU_PORT", async () => {
    const refused = await run(["serve"], { ...env, YAOSU_PORT: "notaport" });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^yaosu: .*YAOSU_PORT/);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it("serve --port notaport is refused with a message naming --port, the option the user gave", async () => {
    const refused = await yaosu("serve", "--port", "notaport");
    expect([1, 2]).toContain(refused.code); // refused input (1) or configuration (2), never a bug (3)
    expect(refused.stderr).toMatch(/^yaosu: .*--port/);
  });

  // Exit code 3 means "a bug" (src/cli/output.ts); a data dir or database the user got wrong is
  // configuration: exit 2 with one line naming the setting, like YAOSU_PORT above.
  it("an unusable YAOSU_DATA_DIR exits 2 with a message naming it, not a stack trace", async () => {
    const file = join(dataDir, "a-file-not-a-dir");
    await writeFile(file, "");
    const refused = await run(["participant", "list"], { ...env, YAOSU_DATA_DIR: join(file, "data") });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^yaosu: .*YAOSU_DATA_DIR/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unreachable YAOSU_DATABASE_URL exits 2 with a message naming it, not a stack trace", async () => {
    const port = await freePort(); // free, so nothing listens there
    const refused = await run(["db", "migrate"], {
      ...env,
      YAOSU_DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/nowhere`,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^yaosu: .*YAOSU_DATABASE_URL/);
    expect(refused.stderr).not.toContain("secret");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("yaosu CLI on PostgreSQL", () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(inject("pgAdminUrl"));
    dataDir = await mkdtemp(join(tmpdir(), "yaosu-cli-pg-"));
    env = { YAOSU_DATA_DIR: dataDir, YAOSU_DATABASE_URL: database.url, YAOSU_DEMO_PASSWORD: DEMO_PASSWORD };
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("db migrate, demo seed and participant list --json work against YAOSU_DATABASE_URL", async () => {
    const migrated = await run(["db", "migrate"], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^applied: /);
    expect((await run(["db", "migrate"], env)).stdout.trim()).toBe("database is up to date");

    const seeded = await run(["demo", "seed", "--json"], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect((JSON.parse(seeded.stdout) as { created: string[] }).created).toHaveLength(8);

    const listed = await run(["participant", "list", "--json"], env);
    expect(listed.code, listed.stderr).toBe(0);
    const participants = JSON.parse(listed.stdout) as ListedParticipant[];
    expect(participants).toHaveLength(8);
    expect(participants.every((p) => p.status === "admitted")).toBe(true);
    // PostgreSQL, not a SQLite file quietly made in the data dir
    expect(existsSync(join(dataDir, "yaosu.sqlite"))).toBe(false);
  });
});
