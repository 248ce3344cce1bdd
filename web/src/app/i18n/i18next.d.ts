// Typed translation keys: t("no.such.key") is a compile error.
import "i18next";
import type { Messages } from "./zh-CN.js";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
