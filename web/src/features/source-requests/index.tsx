import "./source-requests.css";
import type { Feature } from "../../app/feature.js";
import { SourceRequestsPage } from "./SourceRequestsPage.js";

/** Data-source rights (数据来源者权利, PR-5): copies of the data about me, the holders' answers, deadlines. */
export const sourceRequestsFeature: Feature = {
  id: "source-requests",
  routes: [{ path: "/source-requests", element: <SourceRequestsPage />, requiresAuth: true }],
  nav: {
    to: "/source-requests",
    labelKey: "sourceRequests",
    order: 57,
    visible: (auth) => !!auth.participant,
  },
};
