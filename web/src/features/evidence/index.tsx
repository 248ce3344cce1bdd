import "./evidence.css";
import type { Feature } from "../../app/feature.js";
import { EntryPage, LeafPage } from "./EntryPages.js";
import { OverviewPage } from "./OverviewPage.js";
import { TrailPage } from "./TrailPage.js";

/** The public evidence explorer: checkpoints, entries, trails, and in-browser verification. */
export const evidenceFeature: Feature = {
  id: "evidence",
  routes: [
    { path: "/evidence", element: <OverviewPage /> },
    { path: "/evidence/entries/:index", element: <EntryPage /> },
    { path: "/evidence/leaves/:leafHash", element: <LeafPage /> },
    { path: "/evidence/trail/:subjectId", element: <TrailPage /> },
  ],
  nav: { to: "/evidence", labelKey: "evidence", order: 40 },
};
