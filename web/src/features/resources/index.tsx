import "./resources.css";
import type { Feature } from "../../app/feature.js";
import { DatasetPage } from "./DatasetPage.js";
import { HOLDER_TYPES } from "./model.js";
import { ResourcesPage } from "./ResourcesPage.js";

/** My data resources (我的数据资源): import into the holder's node, profile, scan, classify, register. */
export const resourcesFeature: Feature = {
  id: "resources",
  routes: [
    { path: "/resources", element: <ResourcesPage />, requiresAuth: true },
    { path: "/resources/:id", element: <DatasetPage />, requiresAuth: true },
  ],
  nav: {
    to: "/resources",
    labelKey: "resources",
    order: 48,
    visible: (auth) => !!auth.participant && HOLDER_TYPES.includes(auth.participant.type),
  },
};
