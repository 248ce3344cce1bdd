import { describe, expect, it } from "vitest";
import type { PiiLabel } from "../../src/lib/pii/index.js";
import {
  columnCorpus,
  markdownTable,
  predictColumn,
  predictValue,
  type Score,
  score,
  valueCorpus,
} from "./evaluate.js";

/**
 * Measures the PII detectors on a deterministic labelled corpus (faker zh_CN, seeded, plus the
 * shared cn-identifiers vectors) and prints the markdown tables that go into the README. The
 * floors are the measured values rounded down: a drop is a regression, a rise is welcome. They
 * are floors for this synthetic corpus, not promises about real data (see the README).
 */
const SEED = 20_260_101;

// [precision, recall] floors at the value level. Checksum-backed detectors stay ≥ 0.98.
const VALUE_FLOORS: Record<PiiLabel, [number, number]> = {
  resident_id: [0.99, 0.99],
  passport: [0.98, 0.99],
  bank_card: [0.98, 0.99],
  mobile: [0.98, 0.99],
  landline: [0.98, 0.99],
  email: [0.99, 0.99],
  person_name: [0.85, 0.95],
  address: [0.98, 0.9],
  plate: [0.99, 0.99],
  ip_address: [0.99, 0.99],
  coordinate: [0.99, 0.99],
  // A date alone cannot say whose birthday it is: old non-birth dates are false positives.
  birth_date: [0.65, 0.85],
  uscc: [0.98, 0.99],
};

function expectFloors(scores: readonly Score[], floor: (label: PiiLabel) => [number, number]): void {
  for (const s of scores) {
    const [precision, recall] = floor(s.label);
    expect(s.precision, `${s.label} precision`).toBeGreaterThanOrEqual(precision);
    expect(s.recall, `${s.label} recall`).toBeGreaterThanOrEqual(recall);
  }
}

describe("PII detectors on the labelled corpus", () => {
  it("value level: precision and recall per detector", () => {
    const samples = valueCorpus(SEED, 400, 150);
    const scores = score(
      samples,
      samples.map((s) => predictValue(s.value)),
    );
    process.stdout.write(`\n${markdownTable(`Value level (${samples.length} values)`, scores)}\n`);
    expectFloors(scores, (label) => VALUE_FLOORS[label]);
  });

  it("column level: precision and recall per detector, without and with the column name", () => {
    const columns = columnCorpus(SEED + 1, 20, 200);
    const bare = score(
      columns,
      columns.map((c, i) => predictColumn(c, false, i)),
    );
    const hinted = score(
      columns,
      columns.map((c, i) => predictColumn(c, true, i)),
    );
    process.stdout.write(
      `\n${markdownTable(`Column level, names removed (${columns.length} columns of 200)`, bare)}\n`,
    );
    process.stdout.write(`\n${markdownTable("Column level, with column names", hinted)}\n`);
    // Founding dates spread over decades look like a population's birth dates until named.
    expectFloors(bare, (label) => (label === "birth_date" ? [0.85, 0.95] : [0.95, 0.95]));
    expectFloors(hinted, () => [0.95, 0.95]);
  });
});
