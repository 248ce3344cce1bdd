/**
 * Hard negatives: values that look like personal data and are not — order numbers and product
 * codes of the same lengths and shapes, identifiers with a wrong check character, company names,
 * everyday words, timestamps, prices, versions. Each kind is named so a report can say which
 * kind a detector confuses.
 */
import type { Faker } from "@faker-js/faker";
import { luhnCheckDigit, makeResidentId, makeUscc } from "../../src/lib/cn-identifiers/index.js";
import { type Gen, organisationCode, TODAY } from "./corpus.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const time = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const recent = (f: Faker) => f.date.between({ from: "2023-01-01T00:00:00Z", to: TODAY });
/** Replace the last character with a different one from `alphabet`. */
const breakLast = (f: Faker, s: string, alphabet: string) =>
  s.slice(0, -1) + f.helpers.arrayElement([...alphabet].filter((c) => c !== s.at(-1)));

export const NEGATIVES: Readonly<Record<string, Gen>> = {
  order_number: (f) =>
    f.helpers.arrayElement([
      `DD${day(recent(f)).replaceAll("-", "")}${f.string.numeric(6)}`,
      `${day(recent(f)).replaceAll("-", "")}${f.string.numeric(f.number.int({ min: 8, max: 11 }))}`,
      `${f.string.numeric({ length: 1, exclude: ["0"] })}${f.string.numeric(f.number.int({ min: 10, max: 18 }))}`,
    ]),
  product_code: (f) =>
    f.helpers.arrayElement([
      `SKU-${f.string.alphanumeric({ length: 8, casing: "upper" })}`,
      `${f.string.alpha({ length: 1, casing: "upper" })}${f.string.numeric(8)}`,
      `${f.string.alpha({ length: 2, casing: "upper" })}${f.string.numeric(6)}`,
      f.string.alphanumeric({ length: 10, casing: "upper" }),
    ]),
  resident_id_bad_check: (f) => {
    const id = makeResidentId(
      "110105",
      `19${f.string.numeric(2)}0${f.number.int({ min: 1, max: 9 })}15`,
      f.string.numeric(3),
    );
    return breakLast(f, id, "0123456789X");
  },
  bank_card_bad_luhn: (f) => {
    const payload = `62${f.string.numeric(13)}`;
    return breakLast(f, payload + luhnCheckDigit(payload), "0123456789");
  },
  uscc_bad_check: (f) =>
    breakLast(f, makeUscc(`91110000${organisationCode(f)}`), "0123456789ABCDEFGHJKLMNPQRTUWXY"),
  random_digits: (f) => f.string.numeric(f.helpers.arrayElement([11, 13, 15, 16, 18, 19])),
  phone_like_unallocated: (f) => `1${f.helpers.arrayElement(["0", "1", "2"])}${f.string.numeric(9)}`,
  company: (f) => f.company.name(),
  common_word: (f) => f.helpers.arrayElement([f.word.noun(), f.word.adjective(), f.word.verb()]),
  department: (f) => f.commerce.department(),
  product_name: (f) => f.commerce.productName(),
  place_name: (f) => f.helpers.arrayElement([f.location.city(), f.location.state(), f.location.street()]),
  // Cities are often written without 市 ("北京", "成阳"): two characters, often a surname first.
  place_stem: (f) => f.location.city().replace(/市$/, ""),
  timestamp: (f) =>
    f.helpers.arrayElement([
      `${day(recent(f))} ${time(recent(f))}`,
      recent(f).toISOString(),
      String(Math.floor(recent(f).getTime() / 1000)),
      String(recent(f).getTime()),
    ]),
  event_date: (f) => day(recent(f)),
  price: (f) =>
    f.helpers.arrayElement([
      f.commerce.price(),
      `¥${f.commerce.price({ min: 1000, max: 99999 })}`,
      f.number.float({ min: 0, max: 100, fractionDigits: 2 }).toFixed(2),
    ]),
  version: (f) =>
    f.helpers.arrayElement([
      f.system.semver(),
      `v${f.system.semver()}`,
      `10.0.${f.number.int({ min: 10000, max: 22000 })}.${f.number.int(3000)}`,
    ]),
  ratio: (f) =>
    f.helpers.arrayElement([
      `${f.number.float({ min: 0, max: 100, fractionDigits: 2 })}%`,
      f.number.float({ min: 0, max: 1 }).toFixed(4),
    ]),
  uuid: (f) => f.helpers.arrayElement([f.string.uuid(), f.string.hexadecimal({ length: 32, prefix: "" })]),
  postal_code: (f) => f.location.zipCode(),
};

/**
 * Column-level only: dates from decades ago that are not births (company founding dates). Alone
 * they look like a population's birth dates; only a column name (成立日期) tells them apart.
 */
export const founding_date: Gen = (f) =>
  day(f.date.between({ from: "1950-01-01T00:00:00Z", to: "2020-12-31T00:00:00Z" }));
