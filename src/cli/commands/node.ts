import { Presets, SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { systemClock } from "../../kernel/clock.js";
import { type Config, ConfigError, loadConfig } from "../../kernel/config.js";
import { keyringFromMaster, loadOrCreateMasterKey } from "../../kernel/crypto/keyring.js";
import { createIdGenerator } from "../../kernel/ids.js";
import { DATASET_FORMATS } from "../../node/vault/formats.js";
import type { ImportPhase, PiiProfile, Vault } from "../../node/vault/index.js";
import { resolveHolder } from "./node-holder.js";

/** The vault (and DuckDB with it) is loaded only when a node command runs. */
const vaultModule = () => import("../../node/vault/index.js");

import { printRows } from "../output.js";
import { parseOptions } from "../validate.js";

/**
 * `yaosu node …` works on the holder's node only: it needs the data dir and the master key, not
 * the exchange's database, so it opens neither the database nor migrations.
 */
async function withVault<T>(work: (vault: Vault, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let master: Buffer;
  try {
    master = loadOrCreateMasterKey(config.dataDir, config.masterKey);
  } catch (error) {
    throw new ConfigError(
      `cannot load the master key (check YAOSU_MASTER_KEY / YAOSU_DATA_DIR): ${(error as Error).message}`,
    );
  }
  const { openVault, vaultDir } = await vaultModule();
  const vault = await openVault(vaultDir(config.dataDir), keyringFromMaster(master).subkey("vault"));
  return work(vault, config);
}

const PHASE_LABEL: Record<ImportPhase, string> = { hash: "hashing", parse: "parsing", seal: "sealing" };

/** A byte bar per phase on stderr, only for a person at a terminal; scripts get clean streams. */
function progressReporter() {
  if (!process.stderr.isTTY) return { onProgress: undefined, stop: () => undefined };
  const bar = new SingleBar(
    { stream: process.stderr, format: "{phase} [{bar}] {percentage}% {detail}", hideCursor: true },
    Presets.shades_classic,
  );
  let current: ImportPhase | undefined;
  const onProgress = (phase: ImportPhase, done: number, total: number) => {
    const detail = phase === "parse" ? "" : `${mib(done)}/${mib(total)} MiB`;
    if (phase !== current) {
      if (current) bar.stop();
      current = phase;
      bar.start(total, done, { phase: PHASE_LABEL[phase].padEnd(8), detail });
    } else bar.update(done, { detail });
  };
  return { onProgress, stop: () => current && bar.stop() };
}

const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
const pct = (value: number | null) => (value === null ? "" : `${(value * 100).toFixed(1)}%`);

export function nodeCommand(program: Command): void {
  const node = program.command("node").description("the holder's data node: raw data stays here, encrypted");

  node
    .command("import <file>")
    .description("import a CSV, JSON Lines or Parquet file into this node's encrypted vault")
    .option("--holder <holder>", "whose data: a participant id or a username (default: YAOSU_NODE_OWNER)")
    .option("--name <name>", "dataset name (default: the file name)")
    .option("--format <format>", `${DATASET_FORMATS.join(" | ")} (default: from the extension)`)
    .option("--json", "print JSON")
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOptions(
        z.object({
          name: z.string().trim().min(1).max(200).optional(),
          holder: z.string().trim().min(1).max(200).optional(),
          format: z.enum(DATASET_FORMATS).optional(),
          json: z.boolean().optional(),
        }),
        raw,
      );
      const owner = await resolveHolder(options.holder, loadConfig());
      const progress = progressReporter();
      const newId = createIdGenerator(systemClock);
      const { importFile } = await vaultModule();
      const record = await withVault((vault, config) =>
        importFile(vault, {
          path: file,
          ownerParticipantId: owner,
          name: options.name,
          format: options.format,
          maxBytes: config.nodeMaxImportBytes,
          newId: () => newId("dataset"),
          now: () => systemClock.now(),
          onProgress: progress.onProgress,
        }),
      ).finally(progress.stop);
      if (options.json) process.stdout.write(`${JSON.stringify(record)}\n`);
      else process.stdout.write(`${record.id} ${record.rows} rows, ${record.columns.length} columns\n`);
    });

  node
    .command("list")
    .description("list the datasets in this node's vault")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const records = await withVault((vault) => vault.list());
      printRows(
        options.json
          ? records
          : records.map((r) => ({
              id: r.id,
              name: r.name,
              format: r.format,
              rows: r.rows,
              columns: r.columns.length,
              owner: r.ownerParticipantId ?? "",
              importedAt: r.importedAt,
            })),
        Boolean(options.json),
      );
    });

  node
    .command("profile <dataset>")
    .description("profile a dataset: types, nulls, distinct values, min/max, quality, a masked sample")
    .option("--sample <rows>", "rows in the masked sample", "5")
    .option("--json", "print JSON")
    .action(async (id: string, raw: Record<string, unknown>) => {
      const options = parseOptions(
        z.object({ sample: z.coerce.number().int().min(0).max(100), json: z.boolean().optional() }),
        raw,
      );
      const { inspectDataset } = await vaultModule();
      const { profile } = await withVault((vault) =>
        inspectDataset(vault, id, { sampleRows: options.sample, now: () => systemClock.now() }),
      );
      if (options.json) process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      else printProfile(profile);
    });
}

function printProfile(p: PiiProfile): void {
  const q = p.quality;
  process.stdout.write(
    `${p.datasetId}: ${p.rows} rows, ${p.columns} columns; completeness ${pct(q.completeness)}, ` +
      `uniqueness ${pct(q.uniqueness)}, validity ${pct(q.validity) || "n/a"}, ` +
      `newest ${q.timeliness ? `${q.timeliness.newest} (${q.timeliness.ageDays.toFixed(1)} days old)` : "n/a"}\n\n`,
  );
  printRows(
    p.columnProfiles.map((c) => ({
      column: c.name,
      type: c.type,
      pii: c.label === "none" ? "" : `${c.label}${c.sensitive ? " (sensitive)" : ""}`,
      nulls: pct(c.nullRate),
      distinct: c.distinct,
      min: c.min,
      max: c.max,
      valid: pct(c.validity),
    })),
    false,
  );
  process.stdout.write("\nsample (masked):\n");
  printRows(p.sample, false);
}
