/**
 * Masked examples for scan reports (PR-8, SG-11). A report travels further than the data — to
 * the holder's screen, the exchange's reviewers, logs — so it never holds a raw value: each label
 * keeps only what tells a reviewer the finding is right, the way GB/T 35273 and bank practice
 * display such values. What a label may reveal, at most:
 *
 *   resident_id  region (6) + last 4       bank_card  IIN (6) + last 4      mobile  first 3 + last 4
 *   landline     area code + last 2        passport   type letters + last 2 uscc    first 8
 *   email        first character + domain  plate      province + office     person_name  surname
 *   address      province/city/district    ip_address first half            coordinate   0.1° (≈ 11 km)
 *   birth_date   year                      none       shape only (letters and digits become *)
 *
 * Anything that does not have the label's shape is masked entirely.
 */

import { isIP } from "node:net";
import { maskResidentId, normaliseResidentId, normaliseUscc } from "../cn-identifiers/index.js";
import { addressPrefix } from "./address.js";
import { parseDate } from "./dates.js";
import { parseCoordinatePair } from "./geo.js";
import type { ColumnLabel } from "./labels.js";
import { splitName } from "./names.js";
import { PLATE_PROVINCES } from "./plate.js";
import { clean, HAN_ONLY } from "./text.js";

const stars = (value: string) => "*".repeat(Math.min(Math.max([...value].length, 1), 16));
const keepEnds = (s: string, head: number, tail: number) =>
  s.slice(0, head) + "*".repeat(Math.max(s.length - head - tail, 1)) + s.slice(s.length - tail);

const MASKS: Record<ColumnLabel, (v: string) => string> = {
  resident_id: (v) => {
    const n = normaliseResidentId(v);
    return /^\d{17}[\dX]$|^\d{15}$/.test(n) ? maskResidentId(n) : stars(v);
  },
  uscc: (v) => {
    const n = normaliseUscc(v);
    return /^[0-9A-Z]{18}$/.test(n) ? `${n.slice(0, 8)}${"*".repeat(10)}` : stars(v);
  },
  mobile: (v) => {
    const national = v.replace(/\D/g, "").replace(/^(?:00)?86(?=1\d{10}$)/, "");
    return /^1\d{10}$/.test(national) ? keepEnds(national, 3, 4) : stars(v);
  },
  landline: (v) => {
    let d = v.replace(/\D/g, "").replace(/^(?:00)?86(?=[1-9]\d{8,10}$)/, "0");
    d = d.slice(0, 12);
    if (!/^0\d{9,11}$/.test(d)) return stars(v);
    const area = /^0(?:10|2\d)/.test(d) ? 3 : 4;
    return `${d.slice(0, area)}-${keepEnds(d.slice(area), 0, 2)}`;
  },
  email: (v) => {
    const at = v.lastIndexOf("@");
    const domain = v.slice(at + 1);
    if (at < 1 || !/^[A-Za-z0-9.-]{1,253}$/.test(domain)) return "***@***";
    return `${v.slice(0, 1)}***@${domain}`;
  },
  bank_card: (v) => {
    const d = v.replace(/[\s-]/g, "");
    return /^\d{13,19}$/.test(d) ? keepEnds(d, 6, 4) : stars(v);
  },
  passport: (v) => {
    const m = /^([A-Z]{1,2})(\d{7,8})$/.exec(v.toUpperCase());
    return m?.[1] && m[2] ? `${m[1]}${keepEnds(m[2], 0, 2)}` : stars(v);
  },
  plate: (v) => {
    const chars = [...v.toUpperCase().replace(/[\s·•.-]/gu, "")];
    const ok = chars.length >= 7 && chars.length <= 8 && PLATE_PROVINCES.includes(chars[0] ?? "");
    return ok ? `${chars.slice(0, 2).join("")}${"*".repeat(chars.length - 2)}` : stars(v);
  },
  person_name: (v) => {
    const chars = [...v];
    if (chars.length < 2 || chars.length > 20) return stars(v);
    if (HAN_ONLY.test(v) && chars.length <= 4) {
      const surname = splitName(v)?.surname ?? (chars[0] as string);
      return surname + "*".repeat(chars.length - surname.length);
    }
    // Dotted minority names and anything else: first character only.
    return /^\p{Script=Han}/u.test(v) ? `${chars[0]}${"*".repeat(chars.length - 1)}` : stars(v);
  },
  address: (v) => `${addressPrefix(v)}****`,
  ip_address: (v) => {
    const kind = isIP(v);
    if (kind === 4) return `${v.split(".").slice(0, 2).join(".")}.*.*`;
    if (kind === 6) return `${v.split(":").slice(0, 2).join(":")}:*`;
    return stars(v);
  },
  coordinate: (v) => {
    const pair = parseCoordinatePair(v);
    if (pair) return `${pair[0].toFixed(1)},${pair[1].toFixed(1)}`;
    return /^-?\d{1,3}\.\d+$/.test(v) ? Number(v).toFixed(1) : stars(v);
  },
  birth_date: (v) => {
    const p = parseDate(v);
    return p ? `${p.y}-**-**` : stars(v);
  },
  none: (v) => {
    const shape = v.replace(/[\p{L}\p{N}\p{M}]/gu, "*");
    return shape.length > 24 ? `${shape.slice(0, 24)}…` : shape;
  },
};

/** A masked rendering of `value` as a `label` finding; safe to print, log and send. */
export function maskValue(label: ColumnLabel, value: string): string {
  return MASKS[label](clean(value));
}
