import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complete } from "../registration/helpers.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { registry } from "./helpers.js";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const VCARD = "http://www.w3.org/2006/vcard/ns#";
const XSD = "http://www.w3.org/2001/XMLSchema#";

type Node = Record<string, { "@id"?: string; "@value"?: unknown; "@type"?: string }[] | string[] | string>;
const values = (node: Node, iri: string) =>
  (node[iri] ?? []) as { "@id"?: string; "@value"?: unknown; "@type"?: string }[];
const one = (node: Node, iri: string) =>
  values(node, iri)[0] as Node & { "@value"?: unknown; "@id"?: string; "@type"?: string };

/**
 * The DCAT 3 export of the public registry (PR-3, PD-2 machine-readable open catalog): JSON-LD
 * that expands, with a JSON-LD processor and no network, to the W3C DCAT / Dublin Core IRIs;
 * registered items only, nothing beyond what the public registry shows.
 */
describe.each(DIALECTS)("DCAT export on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const r = registry(() => t);

  it("PR-3: exports registered items as dcat:Dataset with the DCAT 3 properties; expands to W3C IRIs", async () => {
    const registered = await r.inNotice("enterprise-a", { name: "城市交通流量数据", format: "csv" });
    await r.closeNotices();
    const inNotice = await r.inNotice("enterprise-b", { name: "公示中的数据" });

    const answer = await r.as(null, "GET", "/catalog/dcat");
    expect(answer.statusCode).toBe(200);
    expect(String(answer.headers["content-type"])).toMatch(/^application\/ld\+json/);
    const doc = answer.json();
    expect(doc["@type"]).toBe("dcat:Catalog");
    expect(doc["@context"]).toMatchObject({ dcat: DCAT, dct: DCT, vcard: VCARD });
    expect(doc["dcat:dataset"]).toHaveLength(1);
    expect(answer.body).not.toContain(inNotice);
    expect(answer.body).not.toContain(complete.contact.email); // the contact person is not public
    expect(answer.body).not.toContain(complete.contact.name);

    const expanded = (await jsonld.expand(doc)) as Node[];
    const catalog = expanded.find((n) => (n["@type"] as string[]).includes(`${DCAT}Catalog`)) as Node;
    expect(catalog).toBeDefined();
    const dataset = values(catalog, `${DCAT}dataset`)[0] as unknown as Node;
    expect(dataset["@type"]).toEqual([`${DCAT}Dataset`]);
    expect(dataset["@id"]).toMatch(new RegExp(`/api/v1/registrations/${registered}$`));
    expect(one(dataset, `${DCT}identifier`)["@value"]).toMatch(/^YS-REG-\d{4}-\d{6}$/);
    expect(one(dataset, `${DCT}title`)["@value"]).toBe("城市交通流量数据");
    expect(one(dataset, `${DCT}description`)["@value"]).toBe(complete.description);
    expect(values(dataset, `${DCAT}keyword`).map((v) => v["@value"])).toEqual(complete.keywords);
    expect(one(dataset, `${DCT}publisher`)["@id"]).toMatch(/\/api\/v1\/participants\/ptc_/);
    expect(one(dataset, `${DCT}issued`)["@type"]).toBe(`${XSD}dateTime`);
    expect(one(dataset, `${DCT}modified`)["@type"]).toBe(`${XSD}dateTime`);
    const temporal = one(dataset, `${DCT}temporal`);
    expect(one(temporal, `${DCAT}startDate`)).toEqual({ "@value": complete.timeFrom, "@type": `${XSD}date` });
    expect(one(temporal, `${DCAT}endDate`)).toEqual({ "@value": complete.timeTo, "@type": `${XSD}date` });
    expect(one(dataset, `${DCT}spatial`)["@type"]).toEqual([`${DCT}Location`]);
    const theme = one(dataset, `${DCAT}theme`);
    expect(one(theme, "http://www.w3.org/2004/02/skos/core#notation")["@value"]).toBe("G");
    expect(one(dataset, `${DCT}accrualPeriodicity`)["@id"]).toBe(
      "http://publications.europa.eu/resource/authority/frequency/MONTHLY",
    );
    const distribution = one(dataset, `${DCAT}distribution`);
    expect(distribution["@type"]).toEqual([`${DCAT}Distribution`]);
    expect(one(distribution, `${DCT}format`)["@id"]).toBe(
      "http://publications.europa.eu/resource/authority/file-type/CSV",
    );
    expect(one(distribution, `${DCAT}mediaType`)["@id"]).toBe(
      "https://www.iana.org/assignments/media-types/text/csv",
    );
    const contact = one(dataset, `${DCAT}contactPoint`);
    expect(contact["@type"]).toEqual([`${VCARD}Organization`]);
    expect(one(contact, `${VCARD}fn`)["@value"]).toEqual(expect.any(String));
    expect(one(contact, `${VCARD}hasURL`)["@id"]).toBe(dataset["@id"]);

    // the N-Quads of the document parse: it is RDF, not just JSON
    const nquads = (await jsonld.toRDF(doc, { format: "application/n-quads" })) as unknown as string;
    expect(nquads).toContain(`<${DCAT}Dataset>`);
  });

  it("pages with hydra links and refuses bad paging", async () => {
    await r.inNotice("enterprise-a", { name: "分页一" });
    await r.inNotice("enterprise-a", { name: "分页二" });
    await r.closeNotices();
    const first = (await r.as(null, "GET", "/catalog/dcat?limit=1")).json();
    expect(first["dcat:dataset"]).toHaveLength(1);
    expect(first["hydra:view"]["hydra:next"]["@id"]).toMatch(/offset=1&limit=1$/);
    const total = first["hydra:view"]["hydra:totalItems"];
    const last = (await r.as(null, "GET", `/catalog/dcat?limit=1&offset=${total - 1}`)).json();
    expect(last["dcat:dataset"]).toHaveLength(1);
    expect(last["hydra:view"]["hydra:next"]).toBeUndefined();
    for (const query of ["limit=0", "limit=1001", "offset=-1", "offset=x", "other=1"]) {
      const answer = await r.as(null, "GET", `/catalog/dcat?${query}`);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().code).toBe("validation_failed");
    }
  });
});
