// The apply form's state and how it becomes the POST /participants body.
import type { ParticipantType, ServiceKind } from "../../app/types.js";

export interface ApplyForm {
  type: ParticipantType;
  name: string;
  uscc: string;
  residentId: string;
  region: string;
  contactEmail: string;
  contactPhone: string;
  serviceKinds: ServiceKind[];
  username: string;
  password: string;
  displayName: string;
}

export const emptyApplyForm: ApplyForm = {
  type: "enterprise",
  name: "",
  uscc: "",
  residentId: "",
  region: "",
  contactEmail: "",
  contactPhone: "",
  serviceKinds: [],
  username: "",
  password: "",
  displayName: "",
};

export interface ApplyRequest {
  type: ParticipantType;
  name: string;
  uscc?: string;
  residentId?: string;
  region?: string;
  contactEmail: string;
  contactPhone?: string;
  serviceKinds?: ServiceKind[];
  admin: { username: string; password: string; displayName?: string };
}

/** Individuals identify with a resident ID; every organisation type with its USCC. */
export function usesResidentId(type: ParticipantType): boolean {
  return type === "individual";
}

export function offersServiceKinds(type: ParticipantType): boolean {
  return type === "third_party";
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function toApplyRequest(form: ApplyForm): ApplyRequest {
  const request: ApplyRequest = {
    type: form.type,
    name: form.name.trim(),
    contactEmail: form.contactEmail.trim(),
    admin: { username: form.username.trim(), password: form.password },
  };
  if (usesResidentId(form.type)) request.residentId = form.residentId.trim().toUpperCase();
  else request.uscc = form.uscc.trim().toUpperCase();
  const region = optional(form.region);
  if (region) request.region = region;
  const phone = optional(form.contactPhone);
  if (phone) request.contactPhone = phone;
  if (offersServiceKinds(form.type)) request.serviceKinds = form.serviceKinds;
  const displayName = optional(form.displayName);
  if (displayName) request.admin.displayName = displayName;
  return request;
}

export type SetField = <K extends keyof ApplyForm>(key: K) => (value: ApplyForm[K]) => void;

export interface ApplyFieldsProps {
  form: ApplyForm;
  set: SetField;
  /** The translated server error for a request field ("admin.password"), if it names that field. */
  errorOn: (field: string) => string | undefined;
}
