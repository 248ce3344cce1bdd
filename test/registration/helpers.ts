import { DEMO_PASSWORD, type TestApp } from "../support/kernels.js";

export const complete = {
  name: "Enterprise logistics trips 2025",
  originClass: "enterprise",
  grade: "general",
  description: "Anonymised trips of the company's fleet",
  legalBasis: "generated",
  collectionMethod: "GPS trackers on owned vehicles",
  fields: [
    { name: "trip_id", type: "string" },
    { name: "km", type: "double" },
  ],
  volumeRows: 120_000,
  format: "parquet",
  updateFrequency: "monthly",
  timeFrom: "2025-01-01",
  timeTo: "2025-12-31",
  spatialCoverage: "Shanghai",
  industry: "G",
  keywords: ["logistics", "trips"],
  quality: { completeness: 0.98 },
  contact: { name: "Data Office", email: "data@enterprise-a.example" },
};

/** Requests as demo users, with a token cache cleared when the manual clock jumps. */
export function harness(get: () => TestApp) {
  type Method = "GET" | "POST" | "PATCH";
  // Our own token cache: access tokens expire when the manual clock jumps past the notice period.
  const tokens = new Map<string, string>();
  const bearer = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const login = await get().app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: DEMO_PASSWORD },
    });
    const header = `Bearer ${login.json().accessToken}`;
    tokens.set(username, header);
    return header;
  };
  const advance = (ms: number) => {
    get().clock.advance(ms);
    tokens.clear();
  };
  const as = async (username: string | null, method: Method, url: string, payload?: object) =>
    get().app.inject({
      method,
      url: `/api/v1${url}`,
      payload,
      headers: username ? { authorization: await bearer(username) } : {},
    });
  const me = async (username: string) => (await as(username, "GET", "/participants/me")).json();
  const events = async (type: string) =>
    (await get().k.outbox.readAfter(get().k.db, 0, 100_000)).filter((e) => e.type === type);

  return { as, me, events, advance };
}
