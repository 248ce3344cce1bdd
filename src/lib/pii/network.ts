/**
 * IP addresses (GB/T 35273 B.1 lists them as PI: they identify a subscriber's line).
 * node:net's isIP is a pure parser, no I/O.
 */
import { isIP } from "node:net";

export function ipConfidence(value: string): number {
  if (value.length < 7 || value.length > 45) return 0;
  const kind = isIP(value);
  if (kind === 6) return 0.9;
  if (kind !== 4) return 0;
  // Four dotted numbers ≤ 255 is also the shape of some version strings ("1.2.3.4"); a version
  // rarely has a part above 99, an address usually does.
  return value.split(".").some((part) => Number(part) > 99) ? 0.9 : 0.6;
}
