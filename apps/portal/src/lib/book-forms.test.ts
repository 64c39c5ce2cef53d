import { NOTE_MAX_LENGTH } from "@readers/domain";
import { describe, expect, it } from "vitest";
import { book, copy } from "../../test/book-fakes.ts";
import {
  bookFormFromLookup,
  bookSourceOf,
  checkBookField,
  checkCopyField,
  copyCreateFields,
  copyFormValues,
  copyUpdateInput,
  emptyBookForm,
  manualBookInput,
} from "./book-forms.ts";

describe("the book's details", () => {
  it("are prefilled from a lookup and become addCopy's typed-in book", () => {
    const values = bookFormFromLookup(
      book({ authors: ["A. One", "B. Two"], coverUrl: "https://covers.example/1.jpg" }),
      "9780743273565",
    );
    expect(values.authors).toBe("A. One\nB. Two");
    expect(manualBookInput({ ...values, authors: " A. One \n\n B. Two " })).toEqual({
      title: "The Great Gatsby",
      authors: ["A. One", "B. Two"],
      year: 2004,
      language: "en",
      coverUrl: "https://covers.example/1.jpg",
      isbn: "9780743273565",
    });
  });

  it("without an ISBN send none, and empty optional fields as null", () => {
    expect(manualBookInput({ ...emptyBookForm(), title: " Notes " })).toEqual({
      title: "Notes",
      authors: [],
      year: null,
      language: null,
      coverUrl: null,
    });
  });

  it("are checked against the domain's limits", () => {
    const form = emptyBookForm();
    expect(checkBookField(form, "title")?.key).toBe("validation.titleRequired");
    expect(checkBookField({ ...form, title: "x".repeat(201) }, "title")?.key).toBe(
      "validation.textTooLong",
    );
    expect(checkBookField({ ...form, year: "1200" }, "year")).toEqual({
      key: "validation.wholeNumber",
      params: { min: 1450, max: 2200 },
    });
    expect(checkBookField({ ...form, year: "" }, "year")).toBeUndefined();
    expect(checkBookField({ ...form, authors: "a\n".repeat(21) }, "authors")?.key).toBe(
      "validation.listTooLong",
    );
  });

  it("come from the catalogue, the lookup, or the reader", () => {
    expect(
      bookSourceOf({
        found: true,
        isbn13: "9780743273565",
        source: "catalogue",
        bookId: "b1",
        book: book(),
      }),
    ).toMatchObject({ kind: "catalogue", bookId: "b1" });
    expect(
      bookSourceOf({
        found: true,
        isbn13: "9780743273565",
        source: "lookup",
        bookId: null,
        book: { ...book(), id: null, isbn13: "9780743273565" },
      }),
    ).toEqual({ kind: "found", isbn13: "9780743273565" });
    expect(bookSourceOf({ found: false, isbn13: "9780306406157", reason: "unavailable" })).toEqual({
      kind: "manual",
      isbn13: "9780306406157",
      reason: "unavailable",
    });
  });
});

describe("the copy's settings", () => {
  it("check the note against the domain's limit, and optional numbers", () => {
    const values = copyFormValues();
    expect(
      checkCopyField({ ...values, note: "x".repeat(NOTE_MAX_LENGTH) }, "note"),
    ).toBeUndefined();
    expect(checkCopyField({ ...values, note: "x".repeat(NOTE_MAX_LENGTH + 1) }, "note")?.key).toBe(
      "validation.textTooLong",
    );
    expect(checkCopyField({ ...values, loanDays: "" }, "loanDays")).toBeUndefined();
    expect(checkCopyField({ ...values, loanDays: "0" }, "loanDays")?.key).toBe(
      "validation.wholeNumber",
    );
    expect(checkCopyField({ ...values, minTrust: "2.5" }, "minTrust")?.key).toBe(
      "validation.wholeNumber",
    );
    expect(checkCopyField({ ...values, forAssociation: true }, "locationId")?.key).toBe(
      "validation.locationRequired",
    );
    expect(checkCopyField({ ...values, quantity: "21" }, "quantity")?.key).toBe(
      "validation.wholeNumber",
    );
  });

  it("become addCopy's fields: one member copy, or several on a shelf", () => {
    expect(
      copyCreateFields({ ...copyFormValues(), note: " Pencil notes ", loanDays: "14" }),
    ).toEqual({
      mode: "lend",
      condition: "good",
      note: "Pencil notes",
      visible: true,
      loanDays: 14,
      minTrust: null,
      quantity: 1,
      forAssociation: false,
      custodian: { kind: "owner" },
    });
    expect(
      copyCreateFields({
        ...copyFormValues(),
        forAssociation: true,
        locationId: "loc1",
        quantity: "3",
      }),
    ).toMatchObject({
      quantity: 3,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "loc1" },
    });
  });

  it("become updateCopy's input; an association copy may move shelf", () => {
    const mine = copy({ minTrust: 3 });
    expect(copyUpdateInput({ ...copyFormValues(mine), mode: "give" }, mine)).toEqual({
      id: "c1",
      mode: "give",
      condition: "good",
      note: "",
      visible: true,
      loanDays: null,
      minTrust: 3,
    });
    const shelfCopy = copy({
      owner: { kind: "association" },
      shelf: { locationId: "loc1", name: "Main library" },
    });
    expect(copyFormValues(shelfCopy)).toMatchObject({ forAssociation: true, locationId: "loc1" });
    expect(
      copyUpdateInput({ ...copyFormValues(shelfCopy), locationId: "loc2" }, shelfCopy),
    ).toMatchObject({ custodian: { kind: "shelf", locationId: "loc2" } });
    expect(copyUpdateInput(copyFormValues(shelfCopy), shelfCopy)).not.toHaveProperty("custodian");
  });
});
