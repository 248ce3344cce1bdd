import type { Feature } from "../../app/feature.js";
import { LoginPage } from "./LoginPage.js";

export const authFeature: Feature = {
  id: "auth",
  routes: [{ path: "/login", element: <LoginPage /> }],
};
