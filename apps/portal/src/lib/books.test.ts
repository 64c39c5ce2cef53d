import { describe, expect, it } from "vitest";
import {
  bookSearchInput,
  checkIsbn,
  hasBookFilters,
  isAwaitingMyAnswer,
  isbn13Of,
  loanMovesFor,
  readBookFilters,
} from "./books.ts";

describe("checkIsbn", () => {
  it.each([
    ["9780743273565", undefined],
    ["978-0-7432-7356-5", undefined],
    ["0-306-40615-2", undefined],
    ["080442957x", undefined],
    ["", "addBook.isbnRequired"],
    ["  -  ", "addBook.isbnRequired"],
    ["9780743273566", "addBook.isbnChecksum"],
    ["0306406153", "addBook.isbnChecksum"],
    ["97807432735", "addBook.isbnShape"],
    ["1234567890123", "addBook.isbnShape"],
    ["isbn 978", "addBook.isbnShape"],
  ])("%j → %s", (value, key) => {
    expect(checkIsbn(value)?.key).toBe(key);
  });

  it("normalises what it accepts to 13 digits", () => {
    expect(isbn13Of("0-306-40615-2")).toBe("9780306406157");
    expect(isbn13Of("9780743273566")).toBeNull();
  });
});

describe("book filters in the address", () => {
  it("keeps what it understands and drops the rest", () => {
    expect(
      readBookFilters({ q: "  gats ", available: "1", mode: "give", lang: "zh-Hans", shelf: "1" }),
    ).toEqual({
      q: "gats",
      availableNow: true,
      mode: "give",
      language: "zh-Hans",
      associationOnly: true,
    });
    expect(readBookFilters({ q: " ", available: "yes", mode: "sell", lang: "<script>" })).toEqual({
      q: undefined,
      availableNow: false,
      mode: undefined,
      language: undefined,
      associationOnly: false,
    });
  });

  it("becomes books.search input", () => {
    const filters = readBookFilters({ q: "活着", lang: "zh" });
    expect(bookSearchInput(filters)).toEqual({
      text: "活着",
      availableNow: false,
      mode: undefined,
      language: "zh",
      associationOnly: false,
      limit: 20,
    });
    expect(hasBookFilters(filters)).toBe(true);
    expect(hasBookFilters(readBookFilters({}))).toBe(false);
  });
});

describe("loanMovesFor: only the reader's side of the machine", () => {
  const peer = false;
  const shelf = true;
  it.each([
    ["requested", "owner", peer, ["accept", "decline"]],
    ["requested", "borrower", peer, ["cancel"]],
    ["accepted", "owner", peer, ["hand_over", "cancel"]],
    ["accepted", "borrower", peer, ["hand_over", "cancel"]],
    ["on_loan", "owner", peer, ["return", "report_lost"]],
    ["on_loan", "borrower", peer, ["renew", "report_lost"]],
    ["returned", "owner", peer, []],
    ["requested", "association", shelf, ["accept", "decline"]],
    ["accepted", "borrower", shelf, ["cancel"]],
    ["accepted", "association", shelf, ["hand_over", "cancel"]],
    ["on_loan", "borrower", shelf, ["renew", "report_lost"]],
    ["on_loan", "association", shelf, ["return", "report_lost"]],
    ["requested", null, peer, []],
    // A member's own copy kept on a shelf: the shelf decides, not its owner.
    ["requested", "owner", shelf, []],
    ["accepted", "owner", shelf, []],
    ["on_loan", "owner", shelf, []],
  ] as const)("%s as %s (on a shelf: %s) → %j", (state, myRole, onShelf, moves) => {
    expect(loanMovesFor({ state, myRole, onShelf, mode: "lend" })).toEqual(moves);
  });

  it("never offers to renew a gift", () => {
    expect(
      loanMovesFor({ state: "on_loan", myRole: "borrower", onShelf: peer, mode: "give" }),
    ).not.toContain("renew");
  });

  it("puts requests for the owner's answer in the inbox", () => {
    expect(isAwaitingMyAnswer({ state: "requested", myRole: "owner" })).toBe(true);
    expect(isAwaitingMyAnswer({ state: "requested", myRole: "association" })).toBe(true);
    expect(isAwaitingMyAnswer({ state: "requested", myRole: "borrower" })).toBe(false);
    expect(isAwaitingMyAnswer({ state: "accepted", myRole: "owner" })).toBe(false);
  });
});
