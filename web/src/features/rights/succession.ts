// The succession form's rules (PR-4), mirrored from src/flows/succession.ts so the operator sees a
// problem before the confirmation step; the server checks them again. Pure; unit-tested.
import type { SuccessionBody, SuccessionEvent } from "./model.js";

export interface SuccessionDraft {
  predecessor: string;
  event: SuccessionEvent;
  primary: string;
  others: string[];
  /** split: right id → successor */
  allocation: Record<string, string>;
  reason: string;
}

export type SuccessionProblem = "needSuccessor" | "mergerOne" | "splitTwo";

/** The successors in order: the primary first (it takes whatever is not allocated). */
export function successorsOf(draft: SuccessionDraft): string[] {
  const all = [draft.primary, ...draft.others].filter((id) => id !== "" && id !== draft.predecessor);
  return [...new Set(all)];
}

export function successionProblem(draft: SuccessionDraft): SuccessionProblem | null {
  const successors = successorsOf(draft);
  if (!draft.primary || successors.length === 0) return "needSuccessor";
  if (draft.event === "merger" && successors.length !== 1) return "mergerOne";
  if (draft.event === "split" && successors.length < 2) return "splitTwo";
  return null;
}

/** The request body; allocation only for a split, and only to chosen successors other than the primary. */
export function successionBody(draft: SuccessionDraft): SuccessionBody {
  const successors = successorsOf(draft);
  const body: SuccessionBody = { event: draft.event, successors, reason: draft.reason.trim() };
  if (draft.event === "split") {
    const allocation = Object.fromEntries(
      Object.entries(draft.allocation).filter(([, to]) => to !== successors[0] && successors.includes(to)),
    );
    if (Object.keys(allocation).length > 0) body.allocation = allocation;
  }
  return body;
}
