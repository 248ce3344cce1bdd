import "./certificates.css";
import type { Feature } from "../../app/feature.js";
import { CertificatePage } from "./CertificatePage.js";
import { VerifyPage } from "./VerifyPage.js";

/** Registration certificates (PR-3): the printable, in-browser verified certificate and a verifier. */
export const certificatesFeature: Feature = {
  id: "certificates",
  routes: [
    { path: "/certificates/verify", element: <VerifyPage /> },
    { path: "/certificates/:number", element: <CertificatePage /> },
  ],
};
