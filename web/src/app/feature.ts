// What a feature plugs into the shell: its routes and, optionally, one nav entry.
// Add a feature by exporting a Feature from web/src/features/<name>/index.ts and listing it in
// web/src/features/index.ts.
import type { ReactNode } from "react";
import type { Auth } from "./auth.js";
import type { Messages } from "./i18n/zh-CN.js";

export interface FeatureRoute {
  path: string;
  element: ReactNode;
  /** Needs a session; without one the user is sent to /login and brought back after. */
  requiresAuth?: boolean;
}

export interface NavEntry {
  to: string;
  labelKey: keyof Messages["nav"];
  /** Lower comes first. */
  order: number;
  /** Hide the entry from users it is not for (the server still enforces access). */
  visible?: (auth: Auth) => boolean;
  /** Match only the exact path (for "/"). */
  end?: boolean;
}

export interface Feature {
  id: string;
  routes: FeatureRoute[];
  nav?: NavEntry;
}
