import type { AnyDb, Dialect } from "../../kernel/db/database.js";
import { facetColumns, type Match, matchedDocs, readGeneration } from "./catalog.repo.js";
import { type FacetCounts, FacetIndex } from "./facet-index.js";

/**
 * Which FacetIndex is current, per database (PR-3 facets over the matched set, exact; decision
 * 0016). The projection is written by other processes too — `yaosu catalog reindex` from the CLI,
 * other servers on the same PostgreSQL — so before each count the generation row is read (one
 * primary-key lookup) and a different value means a full reload. Keyed by the Kysely instance,
 * never global: two kernels in one process (tests, tools) each have their own database.
 */
interface Loaded {
  generation: number;
  index: FacetIndex;
}
interface Slot {
  current: Loaded | null;
  /** a reload in progress, shared by the searches that arrive meanwhile */
  loading: { generation: number; done: Promise<Loaded> } | null;
}

const slots = new WeakMap<AnyDb, Slot>();

function slotOf(db: AnyDb): Slot {
  let slot = slots.get(db);
  if (!slot) {
    slot = { current: null, loading: null };
    slots.set(db, slot);
  }
  return slot;
}

/**
 * Reads every item's facets. The generation was read before the rows, so the rows are at least as
 * new as the label they get: a write committed in between only causes one more reload later.
 */
async function reload(db: AnyDb, dialect: Dialect, slot: Slot, generation: number): Promise<Loaded> {
  if (slot.loading?.generation === generation) return slot.loading.done;
  const done = facetColumns(db, dialect).then((read) => ({ generation, index: new FacetIndex(read) }));
  const loading = { generation, done };
  slot.loading = loading;
  try {
    const loaded = await done;
    if (!slot.current || slot.current.generation <= generation) slot.current = loaded;
    return loaded;
  } finally {
    if (slot.loading === loading) slot.loading = null;
  }
}

/** The facet index as of the database's current generation (reloaded if it moved). */
export async function currentFacetIndex(db: AnyDb, dialect: Dialect): Promise<FacetIndex> {
  const slot = slotOf(db);
  const generation = await readGeneration(db);
  if (slot.current?.generation === generation) return slot.current.index;
  return (await reload(db, dialect, slot, generation)).index;
}

/**
 * Facet counts over the matched set with every filter applied: the engine only says which docs
 * match the words (FTS5 rowids, or the GIN index on PostgreSQL); filtering and counting happen on
 * the index. No words: every item.
 */
export async function countFacets(db: AnyDb, dialect: Dialect, m: Match): Promise<FacetCounts> {
  const [index, docs] = await Promise.all([
    currentFacetIndex(db, dialect),
    m.words.length > 0 ? matchedDocs(db, dialect, m.words) : Promise.resolve(null),
  ]);
  const counts = index.count(docs, m.filters);
  if (counts.unknown === 0) return counts;
  // A doc the index does not know: an item committed after the generation was read. Reload once
  // if the generation moved; a doc unknown at an unchanged generation is not in catalog_items
  // (deleted meanwhile), and the SQL join this replaces did not count it either.
  const slot = slotOf(db);
  const generation = await readGeneration(db);
  const latest =
    slot.current?.generation === generation ? slot.current : await reload(db, dialect, slot, generation);
  return latest.index === index ? counts : latest.index.count(docs, m.filters);
}
