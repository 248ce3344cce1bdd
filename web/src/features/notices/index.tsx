import "./notices.css";
import type { Feature } from "../../app/feature.js";
import { NoticesPage } from "./NoticesPage.js";

/** Public notices of registrations (公示, PR-3), with the objection form; open to everyone. */
export const noticesFeature: Feature = {
  id: "notices",
  routes: [{ path: "/notices", element: <NoticesPage /> }],
  nav: { to: "/notices", labelKey: "notices", order: 45 },
};
