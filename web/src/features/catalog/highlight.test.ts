// Highlighting the searched words in catalog results (PR-3 searchable registry): the words are
// the server's segmentation, matched case-insensitively, longest first, text never altered.
import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight.js";

const marked = (text: string, words: string[]) =>
  highlightParts(text, words)
    .map((p) => (p.hit ? `[${p.text}]` : p.text))
    .join("");

describe("catalog highlight (PR-3)", () => {
  it("PR-3: marks every occurrence of jieba's Chinese words", () => {
    expect(marked("城市道路交通流量数据，交通拥堵", ["交通", "流量"])).toBe(
      "城市道路[交通][流量]数据，[交通]拥堵",
    );
  });

  it("PR-3: matches English case-insensitively and keeps the original case", () => {
    expect(marked("Logistics fleet LOGISTICS", ["logistics"])).toBe("[Logistics] fleet [LOGISTICS]");
  });

  it("PR-3: prefers the longer word where words overlap", () => {
    expect(marked("空气质量监测", ["空气", "空气质量"])).toBe("[空气质量]监测");
  });

  it("PR-3: treats regex characters in words literally", () => {
    expect(marked("a+b (c) a.b", ["a+b", "(c)"])).toBe("[a+b] [(c)] a.b");
  });

  it("PR-3: without words or text there is nothing to mark", () => {
    expect(highlightParts("数据", [])).toEqual([{ text: "数据", hit: false }]);
    expect(highlightParts("数据", ["", "  "])).toEqual([{ text: "数据", hit: false }]);
    expect(highlightParts("", ["数据"])).toEqual([]);
  });

  it("PR-3: the parts always join back to the text", () => {
    const text = "Air quality 空气质量 hourly 小时 AIR";
    expect(
      highlightParts(text, ["air", "小时", "质量"])
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });
});
