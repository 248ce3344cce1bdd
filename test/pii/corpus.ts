/**
 * A labelled corpus for the PII detectors, generated deterministically with faker (zh_CN) and
 * the project's own check-digit builders. Positives imitate how Chinese business data writes each
 * kind of value (several formats per label); negatives live in corpus-negatives.ts. Faker's own
 * phone generator also emits unallocated numbers (110…, 0101…), so phones are built from the
 * allocated segments instead.
 */
import { base, en, Faker, zh_CN } from "@faker-js/faker";
import {
  luhnCheckDigit,
  makeResidentId,
  makeUscc,
  USCC_ALPHABET,
} from "../../src/lib/cn-identifiers/index.js";
import type { PiiLabel } from "../../src/lib/pii/index.js";

/** Fixed "today": birth dates and ages must not drift with the calendar. */
export const TODAY = new Date("2026-01-01T00:00:00Z");

export function corpusFaker(seed: number): Faker {
  const f = new Faker({ locale: [zh_CN, en, base] });
  f.seed(seed);
  f.setDefaultRefDate(TODAY);
  return f;
}

export type Gen = (f: Faker) => string;

const REGIONS =
  "110101 110105 110108 120101 130102 140105 150102 210102 220102 230102 310101 310115 320102 330106 340102 350102 360102 370102 410105 420106 430104 440106 440305 450103 460105 500103 510107 520102 530102 540102 610113 620102 630102 640104 650102".split(
    " ",
  );
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const pick = <T>(f: Faker, xs: readonly T[]) => f.helpers.arrayElement(xs);
const birth = (f: Faker) => f.date.birthdate({ mode: "age", min: 1, max: 90 });

const residentId: Gen = (f) => {
  const date = ymd(birth(f));
  const id = makeResidentId(pick(f, REGIONS), date, f.string.numeric(3));
  // About one in twenty records in older systems still holds the 15-digit form (born 19xx).
  if (date.startsWith("19") && f.number.int(19) === 0) return id.slice(0, 6) + id.slice(8, 17);
  return f.number.int(9) === 0 ? id.toLowerCase() : id;
};

const passport: Gen = (f) =>
  f.helpers.weightedArrayElement([
    { weight: 60, value: () => `E${f.string.numeric(8)}` },
    { weight: 25, value: () => `E${pick(f, [..."ABCDEFGHJKLMNPQRSTUVWXYZ"])}${f.string.numeric(7)}` },
    { weight: 10, value: () => `G${f.string.numeric(8)}` },
    { weight: 5, value: () => `${pick(f, ["DE", "SE", "PE"])}${f.string.numeric(7)}` },
  ])();

const card = (prefix: string, length: number, f: Faker) => {
  const payload = prefix + f.string.numeric(length - prefix.length - 1);
  return payload + luhnCheckDigit(payload);
};
const bankCard: Gen = (f) => {
  const bins = ["622202", "622848", "621700", "622588", "622260", "621661", "623058", "625965"];
  const n = f.helpers.weightedArrayElement([
    { weight: 60, value: () => card(pick(f, bins), pick(f, [16, 19]), f) },
    { weight: 15, value: () => card(pick(f, ["4", "427020", "438088"]), 16, f) },
    { weight: 10, value: () => card(pick(f, ["51", "52", "53", "55"]), 16, f) },
    { weight: 10, value: () => card(pick(f, ["9558", "9559"]), 19, f) },
    { weight: 5, value: () => card(pick(f, ["34", "37"]), 15, f) },
  ])();
  const style = f.number.int(19);
  if (style < 2 && n.length === 16) return n.replace(/(\d{4})(?=\d)/g, "$1 ");
  if (style === 2 && n.length === 16) return n.replace(/(\d{4})(?=\d)/g, "$1-");
  return n;
};

const SEGMENTS =
  "130 131 132 133 134 135 136 137 138 139 145 147 149 150 151 152 153 155 156 157 158 159 166 170 171 172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 190 191 193 195 196 197 198 199".split(
    " ",
  );
const mobile: Gen = (f) => {
  const n = pick(f, SEGMENTS) + f.string.numeric(8);
  return f.helpers.weightedArrayElement([
    { weight: 70, value: n },
    { weight: 10, value: `+86 ${n}` },
    { weight: 5, value: `+86-${n}` },
    { weight: 10, value: `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}` },
    { weight: 5, value: `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}` },
  ]);
};

const AREAS =
  "010 020 021 022 023 024 025 027 028 029 0311 0351 0371 0431 0451 0531 0571 0591 0731 0755 0757 0769 0871 0898".split(
    " ",
  );
const landline: Gen = (f) => {
  const area = pick(f, AREAS);
  const local = `${f.number.int({ min: 2, max: 8 })}${f.string.numeric(area.length === 3 ? 7 : pick(f, [6, 7]))}`;
  return f.helpers.weightedArrayElement([
    { weight: 55, value: `${area}-${local}` },
    { weight: 10, value: `(${area})${local}` },
    { weight: 10, value: `${area} ${local.slice(0, -4)} ${local.slice(-4)}` },
    { weight: 10, value: `${area}${local}` },
    { weight: 10, value: `+86-${area.slice(1)}-${local}` },
    { weight: 5, value: `${area}-${local}-${f.string.numeric(3)}` },
  ]);
};

const DISTRICTS =
  "朝阳区 海淀区 东城区 浦东新区 徐汇区 天河区 越秀区 南山区 福田区 武侯区 锦江区 西湖区 鼓楼区 江北区 雁塔区 历下区 金水区 岳麓区 洪山区 江宁区 昌平县 长安区 城关区 新城区".split(
    " ",
  );
const address: Gen = (f) => {
  const street = `${f.location.street()}${pick(f, ["路", "街", "大道", ""])}`;
  const house = `${f.number.int({ min: 1, max: 999 })}号`;
  const room = `${f.number.int({ min: 1, max: 30 })}栋${f.number.int({ min: 1, max: 6 })}单元${f.number.int({ min: 101, max: 2802 })}室`;
  const admin = `${f.location.state()}${f.location.city()}${pick(f, DISTRICTS)}`;
  return f.helpers.weightedArrayElement([
    { weight: 45, value: `${admin}${street}${house}${f.datatype.boolean() ? room : ""}` },
    { weight: 20, value: `${f.location.city()}${pick(f, DISTRICTS)}${street}${house}` },
    { weight: 15, value: `${street}${house}${room}` },
    { weight: 20, value: f.location.streetAddress(true) },
  ]);
};

const PROVINCES = [..."京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"];
const LETTERS = [..."ABCDEFGHJKLMNPQRSTUVWXYZ"];
const plate: Gen = (f) => {
  const head = `${pick(f, PROVINCES)}${pick(f, LETTERS)}`;
  const serial = [...f.string.numeric(5)];
  for (let i = f.number.int(2); i > 0; i--) serial[f.number.int(4)] = pick(f, LETTERS);
  const body = f.helpers.weightedArrayElement([
    { weight: 75, value: serial.join("") },
    { weight: 15, value: `${pick(f, ["D", "F"])}${pick(f, [...LETTERS, "1", "2"])}${f.string.numeric(4)}` },
    { weight: 10, value: `${f.string.numeric(5)}${pick(f, ["D", "F"])}` },
  ]);
  return f.number.int(9) === 0 ? `${head}·${body}` : `${head}${body}`;
};

// Exported data writes a fixed number of decimals (4–6 here); see the README for what fewer means.
const degrees = (f: Faker, min: number, max: number) =>
  f.number.float({ min, max }).toFixed(f.number.int({ min: 4, max: 6 }));
export const latitude = (f: Faker) => degrees(f, 18.2, 53.5);
export const longitude = (f: Faker) => degrees(f, 75, 134.5);
const coordinate: Gen = (f) => {
  const [lat, lon] = [latitude(f), longitude(f)];
  return f.helpers.weightedArrayElement([
    { weight: 50, value: `${lat},${lon}` },
    { weight: 20, value: `${lon},${lat}` },
    { weight: 20, value: `${lat}, ${lon}` },
    { weight: 10, value: `POINT(${lon} ${lat})` },
  ]);
};

const birthDate: Gen = (f) => {
  const d = birth(f);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return f.helpers.weightedArrayElement([
    { weight: 50, value: `${y}-${pad(m)}-${pad(day)}` },
    { weight: 15, value: `${y}/${m}/${day}` },
    { weight: 15, value: `${y}年${m}月${day}日` },
    { weight: 10, value: `${y}${pad(m)}${pad(day)}` },
    { weight: 10, value: `${y}.${pad(m)}.${pad(day)}` },
  ]);
};

/** GB 11714 organisation code: 8 characters and their check character. */
export function organisationCode(f: Faker): string {
  const chars = f.datatype.boolean()
    ? `MA${f.string.fromCharacters(USCC_ALPHABET.slice(0, 30), 6)}`
    : f.string.numeric(8);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...chars].reduce((s, ch, i) => s + Number.parseInt(ch, 36) * (weights[i] ?? 0), 0);
  const c = 11 - (sum % 11);
  return chars + (c === 11 ? "0" : c === 10 ? "X" : String(c));
}
const uscc: Gen = (f) =>
  makeUscc(
    `${pick(f, ["91", "91", "91", "92", "93", "12", "52", "11"])}${pick(f, REGIONS)}${organisationCode(f)}`,
  );

export const POSITIVES: Readonly<Record<PiiLabel, Gen>> = {
  resident_id: residentId,
  passport,
  bank_card: bankCard,
  mobile,
  landline,
  email: (f) => (f.number.int(9) === 0 ? f.internet.email().toUpperCase() : f.internet.email()),
  person_name: (f) => f.person.fullName(),
  address,
  plate,
  ip_address: (f) => (f.number.int(9) < 7 ? f.internet.ipv4() : f.internet.ipv6()),
  coordinate,
  birth_date: birthDate,
  uscc,
};
