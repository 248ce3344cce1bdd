import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readSheet } from "read-excel-file/node";
import { AppError } from "../../kernel/errors.js";

/**
 * Excel workbooks (.xlsx) enter the node through the JSON Lines reader: the first sheet's first
 * row names the columns, each later row becomes one JSON object (dates as ISO-8601, empty cells
 * null), and DuckDB then types and imports it like any JSON Lines file. read-excel-file parses
 * the workbook in memory, which the node's import size limit bounds. A file that is not a
 * workbook, a sheet without a header row or a header cell left empty is refused naming the place.
 */
export async function xlsxToJsonl(path: string, shown: string, target: string): Promise<void> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(path, 1)) as unknown[][];
  } catch (error) {
    throw new AppError(
      400,
      "invalid_file",
      `${shown}: not a readable .xlsx workbook (${(error as Error).message})`,
      "file",
      {
        line: null,
      },
    );
  }
  const [header, ...body] = rows;
  if (!header || header.length === 0)
    throw new AppError(400, "invalid_file", `${shown}: the first sheet has no header row`, "file", {
      line: 1,
    });
  const names = header.map((cell, i) => {
    const name = cell === null || cell === undefined ? "" : String(cell).trim();
    if (!name)
      throw new AppError(
        400,
        "invalid_file",
        `${shown}: line 1, column ${i + 1}: the header cell is empty`,
        "file",
        {
          line: 1,
          column: i + 1,
        },
      );
    return name;
  });
  const out = createWriteStream(target);
  for (const row of body) {
    const record: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const cell = row[i];
      record[name] = cell instanceof Date ? cell.toISOString() : (cell ?? null);
    });
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
