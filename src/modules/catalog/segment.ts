import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";

/**
 * Chinese word segmentation for the catalog (jieba, search mode). Full-text engines split text on
 * spaces and punctuation; Chinese has neither between words, so both the indexed text and the
 * query are cut into words here and joined with spaces, and SQLite's unicode61 tokenizer or
 * PostgreSQL's `simple` parser only has to split on those spaces. Search mode (cutForSearch) emits
 * the short words inside long ones too (交通流量 → 交通, 流量, 交通流量), so a query for a
 * part finds the whole. Latin words are lower-cased; tokens without a letter or digit dropped.
 *
 * The dictionary (~5 MB) loads on first use, once per process: commands that never search never
 * pay for it.
 */
let jieba: Jieba | undefined;
const require = createRequire(import.meta.url);

function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

const WORDISH = /[\p{L}\p{N}]/u;
const CJK_CHAR = /^\p{Script=Han}$/u;
/** function words that would make every query an AND with a word nobody meant */
const STOPWORDS = new Set([
  "的",
  "了",
  "和",
  "与",
  "及",
  "或",
  "在",
  "是",
  "之",
  "等",
  "the",
  "of",
  "and",
  "a",
  "an",
]);

/** The words of `text` as the index and the query see them (duplicates kept: they weigh in bm25). */
export function words(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(text.normalize("NFKC"), true)) {
    const token = raw.trim().toLowerCase();
    if (!token || !WORDISH.test(token) || STOPWORDS.has(token)) continue;
    out.push(token);
  }
  return out;
}

/** What a full-text column stores: the words of every part, space-joined. */
export const indexText = (...parts: (string | null | undefined)[]): string =>
  parts
    .filter((p): p is string => !!p)
    .flatMap(words)
    .join(" ");

/**
 * The words of a query, distinct, in order. A lone Han character that search mode splits off a
 * longer query (市 in 市公共交通) is dropped when other words remain: the document says 上海市,
 * which search mode never cuts down to 市, and every query word must match.
 */
export function queryWords(query: string, max: number): string[] {
  const distinct = [...new Set(words(query))];
  const multi = distinct.filter((w) => !CJK_CHAR.test(w));
  return (multi.length > 0 ? multi : distinct).slice(0, max);
}
