import "./quality.css";
import type { Feature } from "../../app/feature.js";
import { QualityPage } from "./QualityPage.js";

/** The quality loop (质量反馈与数据异议, SG-7): counts per resource, filing, responses, escalations. */
export const qualityFeature: Feature = {
  id: "quality",
  routes: [{ path: "/quality", element: <QualityPage /> }],
  nav: { to: "/quality", labelKey: "quality", order: 58, visible: (auth) => !!auth.participant },
};
