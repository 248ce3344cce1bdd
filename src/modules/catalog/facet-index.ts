import { FACET_NAMES, type FacetName } from "./catalog.model.js";

/**
 * The catalog's facet values held in memory, compactly (PR-3 searchable with facets; decision
 * 0016): one dictionary per facet (value → small code) and one typed-array column of codes per
 * facet, a row per item, plus a doc → row map. Counting the facets of a matched set is then a
 * pass over its doc ids with array lookups, instead of joining the set to the wide catalog rows in
 * SQL (which cost more than the full-text match itself on broad queries).
 *
 * Immutable: built whole from the projection (see facet-cache.ts for when), never patched.
 */
/** The projection read column-wise: position i is one item in `docs` and in every column. */
export interface FacetColumns {
  docs: readonly number[];
  columns: Record<FacetName, readonly (string | null)[]>;
}
export type Filters = Partial<Record<FacetName, readonly string[]>>;
export type FacetLists = Record<FacetName, { value: string; count: number }[]>;

export interface FacetCounts {
  /** items of the matched set that pass every filter */
  total: number;
  /** per facet, its non-null values with their counts, most frequent first */
  facets: FacetLists;
  /** matched doc ids this index does not know (the projection moved on since it was built) */
  unknown: number;
}

type Codes = Uint8Array | Uint16Array | Uint32Array;

const NO_ROW = -1;

export class FacetIndex {
  readonly size: number;
  private readonly columns: Codes[];
  private readonly dictionaries: (string | null)[][];
  /** doc → row: dense when docs are (as usual) close to 1…n, else a Map */
  private readonly rowOf: (doc: number) => number;

  constructor({ docs, columns }: FacetColumns) {
    this.size = docs.length;
    this.dictionaries = FACET_NAMES.map(() => []);
    this.columns = FACET_NAMES.map((facet, f) => {
      const dictionary = this.dictionaries[f] as (string | null)[];
      const values = columns[facet];
      if (values.length !== docs.length) throw new Error(`facet column ${facet}: ${values.length} values`);
      const codeOf = new Map<string | null, number>();
      const codes = new Uint32Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as string | null;
        let code = codeOf.get(value);
        if (code === undefined) {
          code = dictionary.push(value) - 1;
          codeOf.set(value, code);
        }
        codes[i] = code;
      }
      if (dictionary.length <= 0x100) return Uint8Array.from(codes);
      if (dictionary.length <= 0x10000) return Uint16Array.from(codes);
      return codes;
    });
    let maxDoc = 0;
    for (const doc of docs) maxDoc = Math.max(maxDoc, doc);
    if (maxDoc <= 4 * docs.length + 65_536) {
      const dense = new Int32Array(maxDoc + 1).fill(NO_ROW);
      docs.forEach((doc, i) => {
        dense[doc] = i;
      });
      this.rowOf = (doc) => (doc >= 0 && doc < dense.length ? (dense[doc] as number) : NO_ROW);
    } else {
      const sparse = new Map(docs.map((doc, i) => [doc, i]));
      this.rowOf = (doc) => sparse.get(doc) ?? NO_ROW;
    }
  }

  /**
   * Facet counts over `docs` (null: every item) after every filter is applied, exact. A filter
   * value absent from the dictionary matches nothing, like `in (…)` in SQL.
   */
  count(docs: Iterable<number> | null, filters: Filters): FacetCounts {
    const tests = this.tests(filters);
    const tallies = this.dictionaries.map((d) => new Uint32Array(d.length));
    const columns = this.columns;
    let total = 0;
    let unknown = 0;
    const add = (row: number) => {
      for (const { column, allowed } of tests) if (allowed[column[row] as number] === 0) return;
      total++;
      for (let f = 0; f < columns.length; f++) {
        const tally = tallies[f] as Uint32Array;
        const code = (columns[f] as Codes)[row] as number;
        tally[code] = (tally[code] as number) + 1;
      }
    };
    if (docs === null) for (let row = 0; row < this.size; row++) add(row);
    else
      for (const doc of docs) {
        const row = this.rowOf(doc);
        if (row === NO_ROW) unknown++;
        else add(row);
      }
    const facets = {} as FacetLists;
    FACET_NAMES.forEach((facet, f) => {
      const dictionary = this.dictionaries[f] as (string | null)[];
      const tally = tallies[f] as Uint32Array;
      const list: { value: string; count: number }[] = [];
      dictionary.forEach((value, code) => {
        const count = tally[code] as number;
        if (value !== null && count > 0) list.push({ value, count });
      });
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      facets[facet] = list;
    });
    return { total, facets, unknown };
  }

  /**
   * The page of `ranked` (docs, best first) that passes every filter: skips `offset` passing docs
   * and returns up to `limit`. Docs the index does not know are left out.
   */
  page(ranked: readonly number[], filters: Filters, offset: number, limit: number): number[] {
    const tests = this.tests(filters);
    const picked: number[] = [];
    let skip = offset;
    for (const doc of ranked) {
      if (picked.length === limit) break;
      const row = this.rowOf(doc);
      if (row === NO_ROW || tests.some(({ column, allowed }) => allowed[column[row] as number] === 0))
        continue;
      if (skip > 0) skip--;
      else picked.push(doc);
    }
    return picked;
  }

  /** Per active filter: its column and a mask of the codes it lets through. */
  private tests(filters: Filters): { column: Codes; allowed: Uint8Array }[] {
    const tests: { column: Codes; allowed: Uint8Array }[] = [];
    FACET_NAMES.forEach((facet, f) => {
      const values = filters[facet];
      if (!values || values.length === 0) return;
      const dictionary = this.dictionaries[f] as (string | null)[];
      const allowed = new Uint8Array(dictionary.length);
      dictionary.forEach((value, code) => {
        if (value !== null && values.includes(value)) allowed[code] = 1;
      });
      tests.push({ column: this.columns[f] as Codes, allowed });
    });
    return tests;
  }
}
