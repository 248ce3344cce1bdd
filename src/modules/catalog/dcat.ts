import { INDUSTRY_NAMES } from "./catalog.model.js";
import type { CatalogItemRow } from "./catalog.tables.js";

/**
 * The public registry as W3C DCAT 3 (https://www.w3.org/TR/vocab-dcat-3/) in JSON-LD: one
 * dcat:Catalog, one dcat:Dataset per registered item. The context only declares prefixes and every
 * value states its type (@id for IRIs, @type for dates), so the document expands to the same
 * triples with any JSON-LD processor and no network. Only what the public registry shows goes in
 * (PR-3): the contact point is the holder organisation and the item's registry page, never the
 * registration's contact person; individual holders stay unnamed (PR-8).
 */
export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  hydra: "http://www.w3.org/ns/hydra/core#",
} as const;

const FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
/** update frequency → EU Publications Office frequency vocabulary (used by DCAT-AP) */
const FREQUENCIES: Record<string, string> = {
  once: "NEVER",
  realtime: "UPDATE_CONT",
  hourly: "HOURLY",
  daily: "DAILY",
  weekly: "WEEKLY",
  monthly: "MONTHLY",
  quarterly: "QUARTERLY",
  yearly: "ANNUAL",
  irregular: "IRREG",
};
const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
const FILE_TYPES: Record<string, string> = {
  csv: "CSV",
  json: "JSON",
  parquet: "PARQUET",
  xml: "XML",
  xlsx: "XLSX",
};
const IANA = "https://www.iana.org/assignments/media-types/";
/** IANA-registered media types only (JSON Lines has none) */
const MEDIA_TYPES: Record<string, string> = {
  csv: "text/csv",
  json: "application/json",
  parquet: "application/vnd.apache.parquet",
  xml: "application/xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const id = (iri: string) => ({ "@id": iri });
const dateTime = (value: string) => ({ "@value": value, "@type": "xsd:dateTime" });
const date = (value: string) => ({ "@value": value.slice(0, 10), "@type": "xsd:date" });
const compact = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

export function dcatDataset(row: CatalogItemRow, base: string) {
  const page = `${base}/api/v1/registrations/${row.registration_id}`;
  const holderName = row.holder_name ?? undefined;
  const format = row.format ?? undefined;
  return compact({
    "@id": page,
    "@type": "dcat:Dataset",
    "dct:identifier": row.registration_number ?? row.registration_id,
    "dct:title": row.name,
    "dct:description": row.description ?? undefined,
    "dcat:keyword": JSON.parse(row.keywords) as string[],
    "dct:publisher": compact({
      "@id": `${base}/api/v1/participants/${row.holder_participant_id}`,
      "@type": "foaf:Agent",
      "foaf:name": holderName,
    }),
    "dct:issued": row.registered_at ? dateTime(row.registered_at) : undefined,
    "dct:modified": dateTime(row.updated_at),
    "dct:temporal":
      row.time_from || row.time_to
        ? compact({
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": row.time_from ? date(row.time_from) : undefined,
            "dcat:endDate": row.time_to ? date(row.time_to) : undefined,
          })
        : undefined,
    "dct:spatial":
      row.spatial_coverage || row.region
        ? compact({
            "@type": "dct:Location",
            "skos:prefLabel": row.spatial_coverage ?? undefined,
            "skos:notation": row.region ?? undefined,
          })
        : undefined,
    "dcat:theme": row.industry
      ? {
          "@id": `${base}/api/v1/catalog/industries#${row.industry}`,
          "@type": "skos:Concept",
          "skos:notation": row.industry,
          "skos:prefLabel": { "@value": INDUSTRY_NAMES[row.industry] ?? row.industry, "@language": "zh" },
          "skos:inScheme": { "@id": `${base}/api/v1/catalog/industries`, "dct:title": "GB/T 4754-2017" },
        }
      : undefined,
    "dct:accrualPeriodicity":
      row.update_frequency && FREQUENCIES[row.update_frequency]
        ? id(FREQUENCY + FREQUENCIES[row.update_frequency])
        : undefined,
    "dcat:distribution": format
      ? compact({
          "@type": "dcat:Distribution",
          "dcat:accessURL": id(page),
          "dct:format": FILE_TYPES[format]
            ? id(FILE_TYPE + FILE_TYPES[format])
            : { "@type": "dct:MediaTypeOrExtent", "rdfs:label": format },
          "dcat:mediaType": MEDIA_TYPES[format] ? id(IANA + MEDIA_TYPES[format]) : undefined,
        })
      : undefined,
    "dcat:contactPoint": compact({
      "@type": holderName ? "vcard:Organization" : "vcard:Kind",
      "vcard:fn": holderName,
      "vcard:hasURL": id(page),
    }),
  });
}

export function dcatCatalog(
  rows: CatalogItemRow[],
  base: string,
  page: { offset: number; limit: number; total: number },
) {
  const self = `${base}/api/v1/catalog/dcat`;
  const at = (offset: number) => `${self}?offset=${offset}&limit=${page.limit}`;
  const next = page.offset + rows.length < page.total ? at(page.offset + page.limit) : undefined;
  return {
    "@context": DCAT_CONTEXT,
    "@id": self,
    "@type": "dcat:Catalog",
    "dct:title": { "@value": "要素数据资源登记目录", "@language": "zh" },
    "dct:description":
      "Registered data resources of the Yaosu exchange's public registry (确权登记公示目录).",
    "foaf:homepage": id(`${base}/`),
    "dcat:dataset": rows.map((row) => dcatDataset(row, base)),
    "hydra:view": compact({
      "@id": at(page.offset),
      "@type": "hydra:PartialCollectionView",
      "hydra:totalItems": page.total,
      "hydra:first": id(at(0)),
      "hydra:next": next ? id(next) : undefined,
    }),
  };
}
