import { describe, expect, it } from "vitest";
import { copy } from "../../test/fixtures.js";
import {
  BookSchema,
  BookSearchInputSchema,
  COPIES_PER_ADD_MAX,
  CopyCreateInputSchema,
  CopySchema,
  CopyUpdateInputSchema,
  IsbnLookupInputSchema,
  isCopyListed,
  isOwnCopy,
} from "./book.js";

describe("book and copy schemas", () => {
  it("book defaults and limits", () => {
    expect(BookSchema.parse({ id: "b", title: "Middlemarch" })).toEqual({
      id: "b",
      title: "Middlemarch",
      isbn13: null,
      authors: [],
      year: null,
      language: null,
      coverUrl: null,
    });
    const bad = [
      { authors: Array.from({ length: 21 }, () => "A") },
      { year: 1200 },
      { language: "english!" },
      { coverUrl: "javascript:alert(1)" },
      { isbn13: "0306406152" },
    ];
    for (const b of bad)
      expect(BookSchema.safeParse({ id: "b", title: "t", ...b }).success).toBe(false);
    expect(
      BookSchema.safeParse({
        id: "b",
        title: "t",
        language: "zh-Hans",
        coverUrl: "https://x.org/c.jpg",
      }).success,
    ).toBe(true);
  });

  it("an association copy lives on a shelf", () => {
    const base = { id: "c", bookId: "b", owner: { kind: "association" } };
    expect(CopySchema.safeParse({ ...base, custodian: { kind: "owner" } }).success).toBe(false);
    expect(
      CopySchema.parse({ ...base, custodian: { kind: "shelf", locationId: "central" } }),
    ).toMatchObject({
      mode: "lend",
      visible: true,
      minTrust: null,
    });
  });

  it("add-copy input takes an ISBN or a book id", () => {
    expect(CopyCreateInputSchema.parse({ isbn: "0-306-40615-2" })).toMatchObject({
      isbn: "9780306406157",
      forAssociation: false,
      custodian: { kind: "owner" },
    });
    expect(CopyCreateInputSchema.safeParse({}).success).toBe(false);
    expect(CopyCreateInputSchema.safeParse({ isbn: "0306406152", bookId: "b" }).success).toBe(
      false,
    );
    expect(CopyCreateInputSchema.safeParse({ bookId: "b", forAssociation: true }).success).toBe(
      false,
    );
    expect(
      CopyCreateInputSchema.safeParse({
        bookId: "b",
        forAssociation: true,
        custodian: { kind: "shelf", locationId: "l" },
      }).success,
    ).toBe(true);
  });

  it("add-copy input takes typed-in details instead, and a bounded quantity", () => {
    const manual = { title: "平凡的世界", authors: ["路遥"], language: "zh-Hans" };
    expect(CopyCreateInputSchema.parse({ book: manual, quantity: 3 })).toMatchObject({
      book: { title: "平凡的世界", authors: ["路遥"], year: null, coverUrl: null },
      quantity: 3,
    });
    expect(CopyCreateInputSchema.safeParse({ book: manual, isbn: "0306406152" }).success).toBe(
      false,
    );
    expect(CopyCreateInputSchema.safeParse({ book: { ...manual, title: "" } }).success).toBe(false);
    expect(
      CopyCreateInputSchema.safeParse({ bookId: "b", quantity: COPIES_PER_ADD_MAX + 1 }).success,
    ).toBe(false);
    // A typed ISBN is checked like a looked-up one.
    const bad = CopyCreateInputSchema.safeParse({ book: { ...manual, isbn: "0306406153" } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain("INVALID_ISBN");
  });

  it("update, lookup and search inputs", () => {
    expect(CopyUpdateInputSchema.parse({ id: "c", visible: false })).toEqual({
      id: "c",
      visible: false,
    });
    expect(IsbnLookupInputSchema.parse({ isbn: "080442957X" }).isbn).toBe("9780804429573");
    expect(BookSearchInputSchema.parse({})).toMatchObject({
      availableNow: false,
      associationOnly: false,
      limit: 20,
    });
  });

  it("ownership and listing", () => {
    expect(isOwnCopy(copy(), "owner")).toBe(true);
    expect(isOwnCopy(copy(), "someone")).toBe(false);
    expect(isOwnCopy(copy({ owner: { kind: "association" } }), "owner")).toBe(false);
    expect(isCopyListed(copy())).toBe(true);
    expect(isCopyListed(copy({ visible: false }))).toBe(false);
    expect(isCopyListed(copy({ withdrawnAt: new Date(0) }))).toBe(false);
  });
});
