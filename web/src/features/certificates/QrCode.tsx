import { useMemo } from "react";
import { qrShape } from "./qr.js";

const QUIET = 4;

/** The QR code of `text` as inline SVG, with the standard 4-module quiet zone. */
export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const shape = useMemo(() => qrShape(text), [text]);
  const box = shape.size + 2 * QUIET;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`}
      shapeRendering="crispEdges"
      data-testid="certificate-qr"
      data-text={text}
    >
      <rect x={-QUIET} y={-QUIET} width={box} height={box} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
