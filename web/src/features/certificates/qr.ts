// A QR code as one SVG path (no canvas, no data: URL, no innerHTML): the `qrcode` package computes
// the modules, this turns each horizontal run of dark modules into a rectangle.
import QRCode from "qrcode";

export interface QrShape {
  /** modules per side, without the quiet zone */
  size: number;
  /** SVG path data in module units */
  path: string;
}

export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size } = modules;
  let path = "";
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      path += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { size, path };
}
