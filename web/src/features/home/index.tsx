import type { Feature } from "../../app/feature.js";
import { HomePage } from "./HomePage.js";

export const homeFeature: Feature = {
  id: "home",
  routes: [{ path: "/", element: <HomePage /> }],
  nav: { to: "/", labelKey: "home", order: 0, end: true },
};
