import type { Command } from "commander";
import { z } from "zod";
import { scanTable } from "../../lib/pii/index.js";
import { printRows } from "../output.js";
import { parseOptions } from "../validate.js";

// `yaosu scan FILE` (PR-1, PR-8): the PII scan on its own, before any import — what the holder's
// node proposes as class and sensitivity. Nothing leaves the machine; examples are masked.

const options = z.object({
  json: z.boolean().optional(),
  sample: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  format: z.enum(["csv", "json", "jsonl", "parquet", "xlsx"]).optional(),
});

const yesNo = (b: boolean) => (b ? "yes" : "no");

export function scanCommand(program: Command): void {
  program
    .command("scan")
    .description(
      "scan a CSV, JSON Lines, Parquet or Excel (.xlsx) file for personal information and propose its classification",
    )
    .argument("<file>", "the file to scan (.csv, .tsv, .json, .jsonl, .ndjson, .parquet)")
    .option("--json", "print the report as JSON")
    .option("--sample <n>", "rows to sample per column (reservoir sample over the whole file)", "1000")
    .option("--format <format>", "csv | json | jsonl | parquet | xlsx (default: from the file name)")
    .addHelpText(
      "after",
      "\nThe scan only proposes; the holder confirms class, grade and the sensitive-PI flag.\nExit codes: 0 scanned (whatever was found), 1 missing or unreadable file, 2 usage.",
    )
    .action(async (file: string, raw: Record<string, unknown>) => {
      const input = parseOptions(options, raw);
      // DuckDB is a native module: load it only when a scan runs, not on every `yaosu` start.
      const { readTableSample } = await import("../scan/read-table.js");
      const format = input.format === "jsonl" ? "json" : input.format;
      const table = await readTableSample(file, input.sample, format);
      const report = scanTable(table.columns);
      if (input.json) {
        const out = { file, format: table.format, sampledRows: table.sampledRows, ...report };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${file}: ${table.format}, ${table.sampledRows} rows sampled\n\n`);
      printRows(
        report.columns.map((c) => ({
          column: c.name,
          label: c.label,
          confidence: c.confidence.toFixed(2),
          match: c.label === "none" ? "" : `${Math.round(c.matchRate * 100)}%`,
          personal: yesNo(c.personal),
          sensitive: yesNo(c.sensitive),
          example: c.example ?? "",
        })),
        false,
      );
      const p = report.proposal;
      process.stdout.write(
        `\npersonal information: ${yesNo(p.personalInformation)}\nsensitive personal information: ${yesNo(p.sensitivePersonalInformation)}\nsuggested origin class: ${p.suggestedOriginClass ?? "(none)"}\n${p.reasons.map((r) => `  - ${r}`).join("\n")}\n`,
      );
    });
}
