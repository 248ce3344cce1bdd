/**
 * Precision and recall of the PII detectors on the labelled corpus, at the value level (one
 * value, its top detection above REPORT_THRESHOLD) and at the column level (200 values, the
 * column's label), with and without the column's name as a hint.
 */
import { readFileSync } from "node:fs";
import type { Faker } from "@faker-js/faker";
import {
  type ColumnLabel,
  detectValue,
  PII_LABELS,
  type PiiLabel,
  REPORT_THRESHOLD,
  scanColumn,
} from "../../src/lib/pii/index.js";
import { vectorPath } from "../support/vectors.js";
import { corpusFaker, latitude, longitude, POSITIVES, TODAY } from "./corpus.js";
import { founding_date, NEGATIVES } from "./corpus-negatives.js";

export interface Sample {
  value: string;
  truth: ColumnLabel;
  kind: string;
}

interface Vectors {
  resident_id: { valid: { v: string }[]; invalid: { v: string }[] };
  uscc: { valid: string[]; invalid: { v: string }[] };
  luhn: { invalid: string[]; unionpay_luhn: [string, boolean][] };
}

/** The shared cn-identifiers vectors as labelled samples (external ground truth). */
export function vectorSamples(): Sample[] {
  const v = JSON.parse(
    readFileSync(vectorPath("cn-identifiers", "cn_identifier_vectors.json"), "utf8"),
  ) as Vectors;
  return [
    ...v.resident_id.valid.map((x) => ({ value: x.v, truth: "resident_id" as const, kind: "vector" })),
    ...v.resident_id.invalid.map((x) => ({ value: x.v, truth: "none" as const, kind: "vector_invalid_id" })),
    ...v.uscc.valid.map((value) => ({ value, truth: "uscc" as const, kind: "vector" })),
    ...v.uscc.invalid.map((x) => ({ value: x.v, truth: "none" as const, kind: "vector_invalid_uscc" })),
    ...v.luhn.unionpay_luhn.map(([value]) => ({ value, truth: "bank_card" as const, kind: "vector" })),
    ...v.luhn.invalid.map((value) => ({ value, truth: "none" as const, kind: "vector_invalid_luhn" })),
  ];
}

export function valueCorpus(seed: number, perLabel: number, perNegative: number): Sample[] {
  const f = corpusFaker(seed);
  const out: Sample[] = [];
  for (const label of PII_LABELS) {
    for (let i = 0; i < perLabel; i++) out.push({ value: POSITIVES[label](f), truth: label, kind: "faker" });
  }
  for (const [kind, gen] of [...Object.entries(NEGATIVES), ["founding_date", founding_date] as const]) {
    for (let i = 0; i < perNegative; i++) out.push({ value: gen(f), truth: "none", kind });
  }
  return [...out, ...vectorSamples()];
}

export const predictValue = (value: string): ColumnLabel => {
  const top = detectValue(value, { today: TODAY })[0];
  return top && top.confidence >= REPORT_THRESHOLD ? top.label : "none";
};

export interface Column {
  hintName: string;
  truth: ColumnLabel;
  kind: string;
  values: string[];
}

const HINTS: Record<PiiLabel, string> = {
  resident_id: "身份证号",
  passport: "护照号码",
  bank_card: "银行卡号",
  mobile: "手机号",
  landline: "联系电话",
  email: "电子邮箱",
  person_name: "姓名",
  address: "家庭住址",
  plate: "车牌号",
  ip_address: "登录IP",
  coordinate: "经纬度",
  birth_date: "出生日期",
  uscc: "统一社会信用代码",
};
const NEGATIVE_HINTS: Record<string, string> = {
  timestamp: "创建时间",
  event_date: "下单日期",
  founding_date: "成立日期",
  company: "公司名称",
  product_name: "商品名称",
  order_number: "订单号",
};

function column(f: Faker, gen: (f: Faker) => string, rows: number, dirty: boolean): string[] {
  const junk = Object.values(NEGATIVES);
  return Array.from({ length: rows }, () => {
    if (dirty && f.number.int(99) < 10) return "";
    if (dirty && f.number.int(99) < 5) return f.helpers.arrayElement(junk)(f);
    return gen(f);
  });
}

/** perLabel columns per label (a quarter dirty: 10 % empty, 5 % junk), three per negative kind. */
export function columnCorpus(seed: number, perLabel: number, rows: number): Column[] {
  const f = corpusFaker(seed);
  const out: Column[] = [];
  for (const label of PII_LABELS) {
    for (let i = 0; i < perLabel; i++) {
      let gen = POSITIVES[label];
      let hintName = HINTS[label];
      // Half the coordinate columns are the usual split into latitude and longitude columns.
      if (label === "coordinate" && i % 4 === 2) [gen, hintName] = [latitude, "纬度"];
      if (label === "coordinate" && i % 4 === 3) [gen, hintName] = [longitude, "经度"];
      out.push({ hintName, truth: label, kind: "faker", values: column(f, gen, rows, i % 4 === 1) });
    }
  }
  for (const [kind, gen] of [...Object.entries(NEGATIVES), ["founding_date", founding_date] as const]) {
    for (let i = 0; i < 3; i++) {
      out.push({
        hintName: NEGATIVE_HINTS[kind] ?? kind,
        truth: "none",
        kind,
        values: column(f, gen, rows, false),
      });
    }
  }
  return out;
}

export const predictColumn = (c: Column, hinted: boolean, index: number): ColumnLabel =>
  scanColumn(hinted ? c.hintName : `col${index}`, c.values, { today: TODAY }).label;

export interface Score {
  label: PiiLabel;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** kinds of the false positives, most frequent first */
  confusedWith: string[];
}

export function score(
  truths: readonly { truth: ColumnLabel; kind: string }[],
  predicted: readonly ColumnLabel[],
): Score[] {
  return PII_LABELS.map((label) => {
    let [tp, fp, fn] = [0, 0, 0];
    const fpKinds = new Map<string, number>();
    truths.forEach((t, i) => {
      const p = predicted[i];
      if (p === label && t.truth === label) tp++;
      else if (p === label) {
        fp++;
        const k = t.truth === "none" ? t.kind : t.truth;
        fpKinds.set(k, (fpKinds.get(k) ?? 0) + 1);
      } else if (t.truth === label) fn++;
    });
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const confusedWith = [...fpKinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    return { label, tp, fp, fn, precision, recall, confusedWith };
  });
}

export function markdownTable(title: string, scores: readonly Score[]): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = scores.map(
    (s) =>
      `| ${s.label} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.confusedWith.slice(0, 3).join(", ")} |`,
  );
  return [
    `**${title}**`,
    "",
    "| detector | precision | recall | TP | FP | FN | false positives from |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
