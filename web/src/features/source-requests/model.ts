// The copy-request vocabulary and shapes, taken from the server (pure constants and type-only
// imports: no server code is bundled), so the portal and the API cannot disagree.
import type { z } from "zod";
import type {
  fulfilBody,
  sourceRequestSchema,
  submitBody,
} from "../../../../src/modules/source-requests/source-requests.schema.js";

export {
  COPY_FORMATS,
  type CopyFormat,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  SOURCE_REQUEST_STATUSES,
  type SourceRequestStatus,
} from "../../../../src/modules/source-requests/source-requests.model.js";

export type SourceRequest = z.infer<typeof sourceRequestSchema>;
export type SubmitBody = z.input<typeof submitBody>;
export type FulfilBody = z.input<typeof fulfilBody>;
