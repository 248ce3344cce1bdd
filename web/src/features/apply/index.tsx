import type { Feature } from "../../app/feature.js";
import { ApplyPage } from "./ApplyPage.js";

export const applyFeature: Feature = {
  id: "apply",
  routes: [{ path: "/apply", element: <ApplyPage /> }],
  nav: { to: "/apply", labelKey: "apply", order: 10, visible: (auth) => auth.session === null },
};
