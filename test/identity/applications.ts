import { makeResidentId, makeUscc } from "../../src/lib/cn-identifiers/index.js";

let counter = 0;
/** A fresh, valid USCC for each applicant so tests never collide. */
export function freshUscc(): string {
  counter += 1;
  const n = (Date.now() % 1e5).toString().padStart(5, "0") + String(counter).padStart(4, "0");
  return makeUscc(`91440300${n}`);
}

export function freshResidentId(): string {
  counter += 1;
  return makeResidentId("440305", "19850612", String(counter % 1000).padStart(3, "0"));
}

export function enterpriseApplication(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    type: "enterprise",
    name: `测试企业${counter}有限公司`,
    uscc: freshUscc(),
    contactEmail: `data${counter}@example.cn`,
    admin: { username: `applicant${counter}-${Date.now() % 100000}`, password: "correct horse battery" },
    ...overrides,
  };
}
