import type { ModuleMigration } from "../kernel/db/migrations.js";
import { kernelMigrations } from "../kernel/kernel.migrations.js";
import { catalogMigrations } from "../modules/catalog/index.js";
import { certificateMigrations } from "../modules/certificates/index.js";
import { classificationMigrations } from "../modules/classification/index.js";
import { evidenceMigrations } from "../modules/evidence/index.js";
import { identityMigrations } from "../modules/identity/index.js";
import { qualityMigrations } from "../modules/quality/index.js";
import { registrationMigrations } from "../modules/registration/index.js";
import { rightsMigrations } from "../modules/rights/index.js";
import { sourceRequestMigrations } from "../modules/source-requests/index.js";

/** Every module's migrations; the composition root is the only place that knows them all. */
export const allMigrations: ModuleMigration[] = [
  ...kernelMigrations,
  ...identityMigrations,
  ...evidenceMigrations,
  ...classificationMigrations,
  ...registrationMigrations,
  ...rightsMigrations,
  ...certificateMigrations,
  ...catalogMigrations,
  ...sourceRequestMigrations,
  ...qualityMigrations,
];
