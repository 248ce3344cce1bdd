// The certificate's QR code (PR-3): the modules come from `qrcode`; the path must draw them all.
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrShape } from "./qr.js";

/** Paints the path's rectangles back onto a grid. */
function paint(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) (grid[y] as boolean[])[x + i] = true;
  }
  return grid;
}

describe("PR-3 certificate QR code", () => {
  const url = "https://exchange.example/certificates/YS-REG-2026-000001";

  it("PR-3 draws exactly the dark modules of the QR symbol", () => {
    const { size, path } = qrShape(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    expect(size).toBe(modules.size);
    const grid = paint(path, size);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) expect(grid[r]?.[c], `module ${r},${c}`).toBe(modules.get(r, c) === 1);
  });

  it("PR-3 starts with the top-left finder pattern's 7-module row", () => {
    expect(qrShape(url).path.startsWith("M0 0h7v1h-7z")).toBe(true);
  });
});
