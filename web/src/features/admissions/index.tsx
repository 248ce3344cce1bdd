import type { Feature } from "../../app/feature.js";
import { isOperator } from "../../app/types.js";
import { AdmissionsPage } from "./AdmissionsPage.js";

export const admissionsFeature: Feature = {
  id: "admissions",
  routes: [{ path: "/admissions", element: <AdmissionsPage />, requiresAuth: true }],
  nav: {
    to: "/admissions",
    labelKey: "admissions",
    order: 30,
    visible: (auth) => isOperator(auth.participant),
  },
};
