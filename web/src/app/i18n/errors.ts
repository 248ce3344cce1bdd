// Turns an error into text for the user: a translation when the code is known, else the server's
// own message (it is specific, e.g. which rule a field broke).
import type { TFunction } from "i18next";
import { ApiError } from "../api.js";
import zhCN from "./zh-CN.js";

type KnownCode = keyof typeof zhCN.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(zhCN.errors, code);
}

export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.generic");
  if (error.code === "participant_not_active") {
    return t("errors.participant_not_active", { detail: error.message });
  }
  if (isKnownCode(error.code)) return t(`errors.${error.code}`);
  if (error.status === 429) return t("errors.rate_limited");
  return error.message || t("errors.generic");
}

/** Codes that name a field implicitly (409s carry no `field`). */
const FIELD_OF_CODE: Record<string, string> = {
  invalid_uscc: "uscc",
  uscc_taken: "uscc",
  invalid_resident_id: "residentId",
  resident_id_taken: "residentId",
  username_taken: "admin.username",
};

/** The request field an error is about, in the API's dotted form ("admin.password"), if any. */
export function errorField(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.field ?? FIELD_OF_CODE[error.code];
}
