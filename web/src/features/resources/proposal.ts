// The classification the portal proposes from a PII scan (PR-1): origin class, grade and the
// sensitive-personal-information flag, with the reasons in words the holder can check. The holder
// confirms or changes it before registering; reviewers may still override it. Pure, unit-tested.
//
// Origin class follows the node's registration draft (src/flows/node-registration-draft.ts):
// personal information found → personal; otherwise a government body or public institution holds
// public data; otherwise enterprise data. Grade: the node proposes "general" and leaves the call
// to the holder against the important-data catalogues; the portal adds one nudge of its own — a
// large volume of sensitive personal information is proposed as "important" for review to
// confirm, because scale is what turns personal information into important data.
import type { Grade, OriginClass, Scan } from "./model.js";

/** Rows of sensitive personal information from which the portal proposes "important". */
export const IMPORTANT_SENSITIVE_ROWS = 1_000_000;

const PUBLIC_HOLDERS = new Set(["government_body", "public_institution"]);

export type ReasonKey =
  | "personal"
  | "sensitive"
  | "publicHolder"
  | "noPersonal"
  | "largeSensitive"
  | "general";

export interface Reason {
  key: ReasonKey;
  /** the columns the reason is about, when it is about columns */
  columns?: string[];
}

export interface Classification {
  originClass: OriginClass;
  grade: Grade;
  sensitivePersonal: boolean;
}

export interface Proposal extends Classification {
  reasons: Reason[];
}

export function proposeClassification(
  scan: Pick<Scan, "rows" | "columns" | "proposal">,
  holderType: string,
): Proposal {
  const personalColumns = scan.columns.filter((c) => c.personal).map((c) => c.name);
  const sensitiveColumns = scan.columns.filter((c) => c.sensitive).map((c) => c.name);
  const personal = scan.proposal.personalInformation || personalColumns.length > 0;
  const sensitive = scan.proposal.sensitivePersonalInformation || sensitiveColumns.length > 0;
  const reasons: Reason[] = [];

  let originClass: OriginClass;
  if (personal) {
    originClass = "personal";
    reasons.push({ key: "personal", columns: personalColumns });
  } else if (PUBLIC_HOLDERS.has(holderType)) {
    originClass = "public";
    reasons.push({ key: "publicHolder" });
  } else {
    originClass = "enterprise";
    reasons.push({ key: "noPersonal" });
  }
  if (sensitive) reasons.push({ key: "sensitive", columns: sensitiveColumns });

  let grade: Grade = "general";
  if (sensitive && scan.rows >= IMPORTANT_SENSITIVE_ROWS) {
    grade = "important";
    reasons.push({ key: "largeSensitive" });
  } else {
    reasons.push({ key: "general" });
  }
  return { originClass, grade, sensitivePersonal: sensitive, reasons };
}

/** Whether the holder's choice differs from the proposal (the page says so before registering). */
export function changedFrom(proposal: Classification, choice: Classification): (keyof Classification)[] {
  return (["originClass", "grade", "sensitivePersonal"] as const).filter((k) => proposal[k] !== choice[k]);
}

/** The node's registration draft with the holder's confirmed classification written over it. */
export function withClassification<D extends Partial<Classification>>(draft: D, choice: Classification): D {
  return {
    ...draft,
    originClass: choice.originClass,
    grade: choice.grade,
    sensitivePersonal: choice.sensitivePersonal,
  };
}
