import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

/**
 * Configuration comes from the environment, optionally from a JSON file named by
 * YAOSU_CONFIG_FILE (environment wins), and is validated once at start: a bad value stops the
 * process with a message naming the variable instead of failing later at first use.
 */
const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default("0.0.0.0"),
  dataDir: z.string().min(1).default("./.yaosu"),
  databaseUrl: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, "must start with sqlite: or postgres://")
    .optional(),
  demoPassword: z.string().min(8, "must be at least 8 characters").optional(),
  masterKey: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "must be 32 bytes in base64")
    .optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  bodyLimitBytes: z.coerce.number().int().min(1024).default(1_048_576),
  accessTokenTtlSeconds: z.coerce.number().int().min(30).default(900),
  refreshTokenTtlSeconds: z.coerce
    .number()
    .int()
    .min(60)
    .default(14 * 24 * 3600),
  loginRateLimitPerMinute: z.coerce.number().int().min(1).default(10),
  /** the evidence log's origin line (C2SP checkpoint), also the name of its signing key */
  logOrigin: z
    .string()
    .regex(/^[a-z0-9.-]+(\/[A-Za-z0-9._-]+)*$/, "a schema-less URL such as exchange.example/evidence")
    .default("yaosu.local/evidence"),
  /** publish a signed checkpoint at most this often while entries arrive */
  checkpointIntervalMs: z.coerce.number().int().min(100).max(2000).default(1000),
  /** run the evidence sequencer in this process (a second process on PostgreSQL stands by) */
  sequencer: z.enum(["on", "off"]).default("on"),
  /**
   * length of a registration's public notice (公示期) in days; fractions allowed, so a trial run
   * can watch a whole notice pass (0.001 ≈ 86 s)
   */
  registrationNoticeDays: z.coerce.number().positive().max(365).default(10),
  /** PR-5: days a holder has to answer a data source's copy request */
  sourceRequestDays: z.coerce.number().int().min(1).max(365).default(15),
  /** SG-7: days a holder has to respond to quality feedback or an objection */
  qualityResponseDays: z.coerce.number().int().min(1).max(365).default(10),
  /** the node refuses to import a file larger than this, before reading any of it */
  nodeMaxImportBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 1024 ** 3),
  /** the participant a standalone node imports for when `yaosu node import` names no --holder */
  nodeOwner: z
    .string()
    .regex(/^ptc_[0-9A-HJKMNP-TV-Z]{26}$/, "must be a participant id (ptc_…)")
    .optional(),
});

export type Config = z.infer<typeof schema> & { databaseUrl: string };

const ENV_NAMES: Record<keyof z.infer<typeof schema>, string> = {
  port: "YAOSU_PORT",
  host: "YAOSU_HOST",
  dataDir: "YAOSU_DATA_DIR",
  databaseUrl: "YAOSU_DATABASE_URL",
  demoPassword: "YAOSU_DEMO_PASSWORD",
  masterKey: "YAOSU_MASTER_KEY",
  logLevel: "YAOSU_LOG_LEVEL",
  bodyLimitBytes: "YAOSU_BODY_LIMIT_BYTES",
  accessTokenTtlSeconds: "YAOSU_ACCESS_TOKEN_TTL_SECONDS",
  refreshTokenTtlSeconds: "YAOSU_REFRESH_TOKEN_TTL_SECONDS",
  loginRateLimitPerMinute: "YAOSU_LOGIN_RATE_LIMIT_PER_MINUTE",
  logOrigin: "YAOSU_LOG_ORIGIN",
  checkpointIntervalMs: "YAOSU_CHECKPOINT_INTERVAL_MS",
  sequencer: "YAOSU_SEQUENCER",
  nodeMaxImportBytes: "YAOSU_NODE_MAX_IMPORT_BYTES",
  nodeOwner: "YAOSU_NODE_OWNER",
  registrationNoticeDays: "YAOSU_REGISTRATION_NOTICE_DAYS",
  sourceRequestDays: "YAOSU_SOURCE_REQUEST_DAYS",
  qualityResponseDays: "YAOSU_QUALITY_RESPONSE_DAYS",
};

export class ConfigError extends Error {}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof typeof ENV_NAMES, unknown>> = {},
): Config {
  const fromFile = env.YAOSU_CONFIG_FILE ? readConfigFile(env.YAOSU_CONFIG_FILE) : {};
  const raw: Record<string, unknown> = { ...fromFile };
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  Object.assign(raw, stripUndefined(overrides));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    const name = ENV_NAMES[key as keyof typeof ENV_NAMES] ?? key;
    throw new ConfigError(`invalid configuration ${name}: ${issue?.message}`);
  }
  const dataDir = isAbsolute(parsed.data.dataDir) ? parsed.data.dataDir : resolve(parsed.data.dataDir);
  const databaseUrl = parsed.data.databaseUrl ?? `sqlite:${join(dataDir, "yaosu.sqlite")}`;
  return { ...parsed.data, dataDir, databaseUrl };
}

function readConfigFile(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`cannot read YAOSU_CONFIG_FILE ${path}: ${(error as Error).message}`);
  }
  throw new ConfigError(`YAOSU_CONFIG_FILE ${path} must hold a JSON object`);
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
