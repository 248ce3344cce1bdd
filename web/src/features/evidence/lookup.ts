// What the one lookup box was given: an entry index, a leaf hash, or a record ID to trail.
export type LookupTarget =
  | { kind: "index"; index: number }
  | { kind: "leaf"; leafHash: string }
  | { kind: "trail"; subjectId: string };

/** Same rule as the server's subjectId parameter. */
const SUBJECT_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

export function parseLookup(input: string): LookupTarget | null {
  const value = input.trim().replace(/^#/, "");
  if (/^[0-9]{1,16}$/.test(value)) {
    const index = Number(value);
    return Number.isSafeInteger(index) ? { kind: "index", index } : null;
  }
  if (/^[0-9a-fA-F]{64}$/.test(value)) return { kind: "leaf", leafHash: value.toLowerCase() };
  if (SUBJECT_ID.test(value)) return { kind: "trail", subjectId: value };
  return null;
}

export function lookupPath(target: LookupTarget): string {
  switch (target.kind) {
    case "index":
      return `/evidence/entries/${target.index}`;
    case "leaf":
      return `/evidence/leaves/${target.leafHash}`;
    case "trail":
      return trailPath(target.subjectId);
  }
}

export function trailPath(subjectId: string): string {
  return `/evidence/trail/${encodeURIComponent(subjectId)}`;
}

export function entryPath(index: number): string {
  return `/evidence/entries/${index}`;
}
