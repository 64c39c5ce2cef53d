import { describe, expect, it } from "vitest";
import {
  bookSearchDocument,
  cjkGrams,
  cjkQueryGrams,
  isEmptySearch,
  normalizeSearchText,
  parseBookSearch,
  SEARCH_TERMS_MAX,
} from "./search.js";

describe("book search", () => {
  it("normalises width, case and spaces", () => {
    expect(normalizeSearchText("  Ｔｈｅ \n Hobbit ")).toBe("the hobbit");
  });

  it("indexes every CJK character and neighbouring pair, once", () => {
    expect(cjkGrams("活着 余华 活着")).toEqual(["余", "余华", "华", "活", "活着", "着"]);
    expect(cjkGrams("The Hobbit")).toEqual([]);
    // Kana count as CJK too; Latin between runs splits them.
    expect(cjkGrams("ノルウェイの森")).toContain("の森");
    expect(cjkGrams("三体x问题")).not.toContain("体问");
  });

  it("asks for a run's pairs, or for a single character itself", () => {
    expect(cjkQueryGrams("三体")).toEqual(["三体"]);
    expect(cjkQueryGrams("平凡的世界")).toEqual(["凡的", "平凡", "的世", "世界"].sort());
    expect(cjkQueryGrams("书")).toEqual(["书"]);
    // A run is found when every one of its pairs is in the document's grams.
    const doc = bookSearchDocument({ title: "平凡的世界", authors: ["路遥"], isbn13: null });
    for (const gram of cjkQueryGrams("凡的世")) expect(doc.cjkGrams).toContain(gram);
  });

  it("builds the document from title, authors and ISBN", () => {
    expect(
      bookSearchDocument({
        title: "The Great Gatsby",
        authors: ["F. Scott Fitzgerald"],
        isbn13: "9780743273565",
      }),
    ).toEqual({ text: "the great gatsby f. scott fitzgerald 9780743273565", cjkGrams: [] });
  });

  it("reads a whole-query ISBN as an exact edition", () => {
    expect(parseBookSearch("0-306-40615-2")).toEqual({
      isbn13: "9780306406157",
      words: [],
      cjkRuns: [],
    });
  });

  it("splits words from CJK runs, drops punctuation and repeats", () => {
    expect(parseBookSearch("Gats, gats 菲茨 — Fitz!")).toEqual({
      isbn13: null,
      words: ["gats", "fitz"],
      cjkRuns: ["菲茨"],
    });
    expect(isEmptySearch(parseBookSearch(" — "))).toBe(true);
    expect(isEmptySearch(parseBookSearch("a"))).toBe(false);
  });

  it("keeps at most SEARCH_TERMS_MAX terms, CJK runs first", () => {
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(parseBookSearch(many).words).toHaveLength(SEARCH_TERMS_MAX);
    const runs = Array.from({ length: 10 }, (_, i) => `书${"一二三四五六七八九十"[i]}`).join(" ");
    const parsed = parseBookSearch(`${runs} word`);
    expect(parsed.cjkRuns).toHaveLength(SEARCH_TERMS_MAX);
    expect(parsed.words).toEqual([]);
  });
});
