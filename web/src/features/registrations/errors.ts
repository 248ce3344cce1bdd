// Error text for the registration pages: the feature's own codes first (translated, with the
// field named in the user's language), then the app's general rules (errors.ts in app/i18n).
import type { TFunction } from "i18next";
import { ApiError } from "../../app/api.js";
import { errorText } from "../../app/i18n/errors.js";
import { formKeyOf } from "./form.js";
import { registrationMessages } from "./messages.js";

type Code = keyof (typeof registrationMessages)["zh-CN"]["errors"];
const isCode = (code: string): code is Code => Object.hasOwn(registrationMessages["zh-CN"].errors, code);
type FieldKey = keyof (typeof registrationMessages)["zh-CN"]["field"];
const isFieldKey = (key: string): key is FieldKey => Object.hasOwn(registrationMessages["zh-CN"].field, key);

export function registrationErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError) || !isCode(error.code)) return errorText(t, error);
  const key = formKeyOf(error.field) ?? error.field ?? "";
  const field = isFieldKey(key) ? t(`registrations.field.${key}`) : key;
  return t(`registrations.errors.${error.code}`, { field });
}
