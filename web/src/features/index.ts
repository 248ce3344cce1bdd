// Every feature the portal has. A new feature adds its routes and nav entry by appending here.
import type { Feature } from "../app/feature.js";
import { admissionsFeature } from "./admissions/index.js";
import { applyFeature } from "./apply/index.js";
import { authFeature } from "./auth/index.js";
import { evidenceFeature } from "./evidence/index.js";
import { homeFeature } from "./home/index.js";
import { participantsFeature } from "./participants/index.js";

export const features: Feature[] = [
  homeFeature,
  authFeature,
  applyFeature,
  participantsFeature,
  admissionsFeature,
  evidenceFeature,
];
