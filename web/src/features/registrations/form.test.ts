// The registration form's translation to the API body (PR-3, PD-3): whatever the form produces
// must pass the server's own edge schema, and a saved registration must come back as it was.
import { describe, expect, it } from "vitest";
import { createBody } from "../../../../src/modules/registration/registration.schema.js";
import { type FormState, formKeyOf, formState, splitKeywords, toBody, validate } from "./form.js";

const filled = (): FormState => ({
  ...formState(),
  name: " 上海公交刷卡数据 ",
  description: "2025 年全市公交刷卡记录（已脱敏）",
  originClass: "public",
  grade: "important",
  sourceUnit: "上海市交通委员会",
  catalogCode: "SH-JT-0001",
  legalBasis: "public",
  collectionMethod: "刷卡终端自动采集",
  fields: [
    { name: "card_id", type: "string", description: "卡号（哈希）", sensitive: true },
    { name: "ts", type: "timestamp", description: "", sensitive: false },
  ],
  volumeRows: "1200000",
  format: "parquet",
  updateFrequency: "daily",
  timeFrom: "2025-01-01",
  timeTo: "2025-12-31",
  spatialCoverage: "上海市",
  industry: "G",
  keywords: "公交，交通、出行, 公交",
  completeness: "98.5",
  contactName: "数据办",
  contactEmail: "data@example.cn",
});

describe("PR-3 registration form", () => {
  it("PR-3 produces a body the server's createBody schema accepts", () => {
    const body = toBody(filled());
    expect(createBody.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      name: "上海公交刷卡数据",
      volumeRows: 1_200_000,
      keywords: ["公交", "交通", "出行"],
      quality: { completeness: 0.985 },
      contact: { name: "数据办", email: "data@example.cn" },
      fields: [
        { name: "card_id", type: "string", description: "卡号（哈希）", sensitive: true },
        { name: "ts", type: "timestamp" },
      ],
    });
    // empty inputs are left out, so a PATCH never overwrites with blanks
    expect(body).not.toHaveProperty("legalBasisNote");
    expect(body).not.toHaveProperty("volumeBytes");
  });

  it("PR-3 the minimal draft (name, class, grade) is a valid body too", () => {
    const body = toBody({ ...formState(), name: "x" });
    expect(createBody.parse(body)).toEqual(body);
    expect(Object.keys(body).sort()).toEqual([
      "fields",
      "grade",
      "keywords",
      "name",
      "originClass",
      "quality",
      "sensitivePersonal",
    ]);
  });

  it("PR-1 sends the sensitive-personal flag only for personal data", () => {
    expect(toBody({ ...filled(), sensitivePersonal: true }).sensitivePersonal).toBe(false);
    expect(toBody({ ...filled(), originClass: "personal", sensitivePersonal: true }).sensitivePersonal).toBe(
      true,
    );
  });

  it("PR-3 round-trips: a saved registration fills the form with what was sent", () => {
    const body = toBody(filled());
    const again = toBody(formState({ ...body }));
    expect(again).toEqual(body);
    // initial values from elsewhere (a node dataset's draft) fill the form the same way
    expect(
      formState({ name: "d", datasetId: "dst_01KJ0000000000000000000000", volumeRows: 5 }),
    ).toMatchObject({
      name: "d",
      datasetId: "dst_01KJ0000000000000000000000",
      volumeRows: "5",
    });
  });

  it("PR-3 finds what the browser can tell before the server", () => {
    expect(validate(filled())).toEqual({});
    expect(
      validate({
        ...filled(),
        name: " ",
        volumeRows: "1.5",
        volumeBytes: "-1",
        accuracy: "101",
        timeTo: "2024-12-31",
        contactName: "",
        fields: [{ name: "a", type: "", description: "", sensitive: false }],
      }),
    ).toEqual({
      name: "required",
      volumeRows: "integer",
      volumeBytes: "integer",
      accuracy: "percent",
      timeTo: "timeReversed",
      contactName: "contactName",
      fields: "fieldRow",
    });
  });

  it("PR-3 splits keywords on ASCII, full-width and enumeration commas, dropping repeats", () => {
    expect(splitKeywords("a, b，c、d；e\nf,,a")).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(splitKeywords("  ")).toEqual([]);
  });

  it("PR-3 maps the API's error fields onto form inputs", () => {
    expect(formKeyOf("contact.email")).toBe("contactEmail");
    expect(formKeyOf("contact")).toBe("contactName");
    expect(formKeyOf("quality.timeliness")).toBe("timeliness");
    expect(formKeyOf("fields.3.name")).toBe("fields");
    expect(formKeyOf("catalogCode")).toBe("catalogCode");
    expect(formKeyOf("nope")).toBeUndefined();
    expect(formKeyOf(undefined)).toBeUndefined();
  });
});
