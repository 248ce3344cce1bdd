/**
 * Coordinates in decimal degrees inside China's bounding box (GB/T 35273 B.2: 精准定位信息 is
 * sensitive). Precision is what makes a location precise: four decimals are about 10 m, so fewer
 * than four are not treated as a precise position.
 */

// Mainland, Hainan and the South China Sea islands; Taiwan, Hong Kong and Macao fall inside.
const LAT = [3.8, 53.6] as const;
const LON = [73.4, 135.1] as const;
// A single number is only taken for a latitude within the mainland's rows, where most data is.
const LAT_SINGLE = [18, 53.6] as const;

const NUMBER = "(-?\\d{1,3}\\.\\d+)";
const PAIR = new RegExp(`^\\(?\\s*${NUMBER}\\s*[,，;\\s]\\s*${NUMBER}\\s*\\)?$`);
const POINT = new RegExp(`^POINT\\s*\\(\\s*${NUMBER}\\s+${NUMBER}\\s*\\)$`, "i");

const decimals = (s: string) => s.length - s.indexOf(".") - 1;
const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;

/** [lat, lon] if the text is a precise point in China, either order, else undefined. */
export function parseCoordinatePair(value: string): [number, number] | undefined {
  const m = POINT.exec(value) ?? PAIR.exec(value);
  if (!m?.[1] || !m[2]) return undefined;
  if (decimals(m[1]) < 4 || decimals(m[2]) < 4) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  // WKT POINT is (lon lat); free text is usually "lat,lon" but GCJ-02 APIs write "lon,lat".
  if (within(a, LAT) && within(b, LON)) return [a, b];
  if (within(a, LON) && within(b, LAT)) return [b, a];
  return undefined;
}

export type Axis = "lat" | "lon";

/** A lone latitude or longitude with ≥ 4 decimals: weak alone, a column of them is telling. */
export function singleAxis(value: string): Axis | undefined {
  if (!/^-?\d{1,3}\.\d{4,}$/.test(value)) return undefined;
  const x = Number(value);
  if (within(x, LON)) return "lon";
  if (within(x, LAT_SINGLE)) return "lat";
  return undefined;
}

export function coordinateConfidence(value: string): number {
  if (value.length > 60) return 0;
  if (parseCoordinatePair(value)) return 0.9;
  return singleAxis(value) ? 0.3 : 0;
}

/**
 * Column view: a column whose values are nearly all lone latitudes (or longitudes) with many
 * distinct values is a coordinate column even without a name. Returns the column confidence.
 */
export function axisColumnConfidence(values: readonly string[]): number {
  if (values.length === 0) return 0;
  let lat = 0;
  let lon = 0;
  for (const v of values) {
    const axis = singleAxis(v);
    if (axis === "lat") lat++;
    else if (axis === "lon") lon++;
  }
  const share = Math.max(lat, lon) / values.length;
  const distinct = new Set(values).size / values.length;
  return share >= 0.9 && distinct >= 0.5 ? 0.6 : 0;
}
