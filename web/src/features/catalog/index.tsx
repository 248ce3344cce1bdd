import "./catalog.css";
import type { Feature } from "../../app/feature.js";
import { CatalogPage } from "./CatalogPage.js";

/** The public data resource catalog (数据资源目录): search and facets over the public registry. */
export const catalogFeature: Feature = {
  id: "catalog",
  routes: [{ path: "/catalog", element: <CatalogPage /> }],
  nav: { to: "/catalog", labelKey: "catalog", order: 5 },
};
