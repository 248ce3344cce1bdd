// The registration vocabulary and shapes, taken from the server (type-only imports and pure
// constants: no server code is bundled), so the portal and the API cannot disagree.
import type { z } from "zod";
import type {
  DraftInput,
  objectionSchema,
  registrationSchema,
} from "../../../../src/modules/registration/registration.schema.js";

export {
  FORMATS,
  GRADES,
  INDUSTRY_CODES,
  LEGAL_BASES,
  OBJECTION_STATUSES,
  ORIGIN_CLASSES,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  UPDATE_FREQUENCIES,
} from "../../../../src/modules/registration/registration.model.js";

export type { DraftInput };
export type Registration = z.infer<typeof registrationSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type RegistrationField = NonNullable<DraftInput["fields"]>[number];

/** The registrations a holder still shapes (edit, submit) versus those the exchange now handles. */
export const isDraft = (r: Pick<Registration, "status">) => r.status === "draft";
