// Every feature the portal has. A new feature adds its routes and nav entry by appending here.
import type { Feature } from "../app/feature.js";
import { admissionsFeature } from "./admissions/index.js";
import { applyFeature } from "./apply/index.js";
import { authFeature } from "./auth/index.js";
import { catalogFeature } from "./catalog/index.js";
import { certificatesFeature } from "./certificates/index.js";
import { evidenceFeature } from "./evidence/index.js";
import { homeFeature } from "./home/index.js";
import { noticesFeature } from "./notices/index.js";
import { participantsFeature } from "./participants/index.js";
import { qualityFeature } from "./quality/index.js";
import { registrationReviewFeature, registrationsFeature } from "./registrations/index.js";
import { resourcesFeature } from "./resources/index.js";
import { rightsFeature } from "./rights/index.js";
import { sourceRequestsFeature } from "./source-requests/index.js";

export const features: Feature[] = [
  homeFeature,
  authFeature,
  applyFeature,
  participantsFeature,
  admissionsFeature,
  evidenceFeature,
  noticesFeature,
  registrationsFeature,
  registrationReviewFeature,
  certificatesFeature,
  catalogFeature,
  resourcesFeature,
  rightsFeature,
  sourceRequestsFeature,
  qualityFeature,
];
