import "./rights.css";
import type { Feature } from "../../app/feature.js";
import { ContractPage } from "./ContractPage.js";
import { RightPage } from "./RightPage.js";
import { RightsPage } from "./RightsPage.js";
import { SuccessionPage } from "./SuccessionPage.js";

/**
 * Data rights (数据权益, PR-2, PR-4): my rights as a lineage, one right with the offer form, rights
 * contracts with both signatures checked in the browser, and the operator's succession form.
 */
export const rightsFeature: Feature = {
  id: "rights",
  routes: [
    { path: "/rights", element: <RightsPage />, requiresAuth: true },
    { path: "/rights/succession", element: <SuccessionPage />, requiresAuth: true },
    { path: "/rights/contracts/:id", element: <ContractPage />, requiresAuth: true },
    { path: "/rights/:id", element: <RightPage /> },
  ],
  nav: { to: "/rights", labelKey: "rights", order: 52, visible: (auth) => !!auth.participant },
};
