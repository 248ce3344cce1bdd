/**
 * Data-source copy requests (PR-5, 数据来源者权利): a person or organisation the data came from asks
 * the holder of a registered resource for a copy of the data about it. The request names the
 * registration and an identifier (kind + value); the holder's node matches rows by that identifier
 * and the copy is kept sealed for the requester. The holder answers within a deadline; overdue
 * requests are listed for the regulator and the exchange operator.
 *
 *   submitted ──fulfil──▶ fulfilled        (copy sealed for the requester)
 *             ──refuse──▶ refused          (with a reason)
 *             ──withdraw▶ withdrawn        (by the requester)
 */

export const SOURCE_REQUEST_STATUSES = ["submitted", "fulfilled", "refused", "withdrawn"] as const;
export type SourceRequestStatus = (typeof SOURCE_REQUEST_STATUSES)[number];

/** How the requester is identified in the holder's data. */
export const IDENTIFIER_KINDS = ["resident_id", "uscc", "mobile", "email", "other"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const COPY_FORMATS = ["csv", "json"] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export const TRANSITIONS = {
  fulfil: { from: ["submitted"], to: "fulfilled", event: "source_request.fulfilled" },
  refuse: { from: ["submitted"], to: "refused", event: "source_request.refused" },
  withdraw: { from: ["submitted"], to: "withdrawn", event: "source_request.withdrawn" },
} as const satisfies Record<
  string,
  { from: readonly SourceRequestStatus[]; to: SourceRequestStatus; event: string }
>;
export type SourceRequestTransition = keyof typeof TRANSITIONS;

export const SUBMITTED_EVENT = "source_request.submitted";

export const DEFAULT_SOURCE_REQUEST_DAYS = 15;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A copy is about one data subject; anything larger than this is refused rather than stored. */
export const MAX_COPY_BYTES = 8 * 1024 * 1024;

/** The exchange operator and the regulator oversee deadlines (overdue list). */
export const OVERSEER_TYPES = ["exchange_operator", "regulator"];

/** Binds sealed values to their request and purpose (secret-box associated data). */
export const sealedFor = (requestId: string, what: "identifier" | "copy") =>
  `source-request/${requestId}/${what}`;
