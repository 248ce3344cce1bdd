// The pure half of a portal upload into the holder's node (PR-3): format and content type from
// the file name, a request the server's upload schema accepts, progress as a whole percentage,
// and a broken file's problem read back with its line and column.
import { describe, expect, it } from "vitest";
import { uploadQuery } from "../../../../src/node/node.schema.js";
import { formatBytes } from "./format.js";
import { formatOfFile, percentOf, readProblem, safeFileName, uploadTarget } from "./upload.js";

describe("portal upload (PR-3)", () => {
  it("PR-3: tells the format from the extension, as the node does", () => {
    expect(formatOfFile("residents.CSV")).toBe("csv");
    expect(formatOfFile("events.ndjson")).toBe("jsonl");
    expect(formatOfFile("events.jsonl")).toBe("jsonl");
    expect(formatOfFile("trips.pq")).toBe("parquet");
    expect(formatOfFile("report.xlsx")).toBe("xlsx");
    expect(formatOfFile("report.xls")).toBeNull(); // the old binary format is not read
    expect(formatOfFile("no-extension")).toBeNull();
  });

  it("PR-3: sends the file with its own content type and a query the node's schema accepts", () => {
    const target = uploadTarget("人口 数据.csv", " 常住人口 ");
    expect(target.contentType).toBe("text/csv");
    const url = new URL(target.url, "http://x");
    expect(url.pathname).toBe("/api/v1/node/datasets");
    const query = uploadQuery.parse(Object.fromEntries(url.searchParams));
    expect(query).toEqual({ filename: "人口 数据.csv", format: "csv", name: "常住人口" });
    expect(uploadTarget("x.parquet", "").contentType).toBe("application/vnd.apache.parquet");
    expect(uploadTarget("x.jsonl", "").contentType).toBe("application/x-ndjson");
  });

  it("PR-3: cuts an over-long file name to the node's 200 characters, keeping the extension", () => {
    const long = `${"数".repeat(300)}.parquet`;
    const safe = safeFileName(long);
    expect([...safe]).toHaveLength(200);
    expect(safe.endsWith(".parquet")).toBe(true);
    expect(uploadQuery.safeParse({ filename: safe }).success).toBe(true);
    expect(safeFileName("C:\\fakepath\\a.csv")).toBe("a.csv");
  });

  it("PR-3: progress is a whole percentage within 0–100, 0 while the total is unknown", () => {
    expect(percentOf(0, 1000)).toBe(0);
    expect(percentOf(333, 1000)).toBe(33);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(1200, 1000)).toBe(100);
    expect(percentOf(10, 0)).toBe(0);
    expect(percentOf(Number.NaN, 10)).toBe(0);
  });

  it("PR-3: reads a broken file's line and column from the node's problem body", () => {
    const body = JSON.stringify({
      status: 400,
      code: "invalid_file",
      message: "people.csv: line 7, column 'age': Could not convert string 'x' to INTEGER",
      field: "file",
      line: 7,
      column: "age",
      badRows: 3,
      requestId: "req-1",
    });
    expect(readProblem(400, body)).toEqual({
      status: 400,
      code: "invalid_file",
      message: "people.csv: line 7, column 'age': Could not convert string 'x' to INTEGER",
      line: 7,
      column: "age",
      badRows: 3,
      maxBytes: null,
      requestId: "req-1",
    });
  });

  it("PR-3: copes with a size refusal and with answers that are not problem JSON", () => {
    const tooLarge = readProblem(
      413,
      JSON.stringify({ code: "file_too_large", message: "too big", maxBytes: 1024 }),
    );
    expect(tooLarge.maxBytes).toBe(1024);
    expect(tooLarge.line).toBeNull();
    expect(readProblem(502, "<html>Bad gateway</html>")).toMatchObject({
      code: "http_502",
      message: "",
      line: null,
    });
    expect(readProblem(0, "").code).toBe("network_error");
  });

  it("PR-3: sizes are shown in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GB");
  });
});
