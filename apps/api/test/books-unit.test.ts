// Pieces of book sharing that need no database: reading Open Library's answer, the real
// lookup's request and failure handling (with a fake fetch: tests never reach the network),
// the ISBN_LOOKUP setting, loan e-mails in both languages, and the shelf label's barcode.
import { describe, expect, it } from "vitest";
import {
  fixtureLookup,
  isbnLookupFromSetting,
  offLookup,
  openLibraryLookup,
  parseOpenLibraryData,
} from "../src/books/isbn-lookup.ts";
import { loadEnv } from "../src/env.ts";
import { renderMail } from "../src/notifications/templates.ts";
import { labelSvg } from "../src/routers/books.ts";
import { GATSBY, LOOKUP_FIXTURES } from "./books-fixtures.ts";

describe("Open Library answers", () => {
  it("reads title, subtitle, authors, year and cover; Han titles are Chinese", () => {
    expect(
      parseOpenLibraryData(
        {
          "ISBN:9780000000002": {
            title: "Reading",
            subtitle: "A History",
            authors: [{ name: " A. Reader " }, { nope: 1 }, { name: "" }],
            publish_date: "c1998",
            cover: { small: "ftp://x", large: "https://covers.example/l.jpg" },
          },
        },
        "9780000000002",
      ),
    ).toEqual({
      title: "Reading: A History",
      authors: ["A. Reader"],
      year: 1998,
      language: null,
      coverUrl: "https://covers.example/l.jpg",
    });
    expect(parseOpenLibraryData({ "ISBN:1": { title: "三体", publish_date: "900" } }, "1")).toEqual(
      {
        title: "三体",
        authors: [],
        year: null,
        language: "zh",
        coverUrl: null,
      },
    );
    expect(parseOpenLibraryData({}, "1")).toBeNull();
    expect(parseOpenLibraryData(null, "1")).toBeNull();
    expect(parseOpenLibraryData({ "ISBN:1": { title: "  " } }, "1")).toBeNull();
  });

  it("asks the jscmd=data endpoint and treats a bad status as a failure", async () => {
    const urls: string[] = [];
    const ok = openLibraryLookup({
      fetchImpl: (async (url: string) => {
        urls.push(url);
        return new Response(JSON.stringify({ [`ISBN:${GATSBY}`]: { title: "The Great Gatsby" } }));
      }) as typeof fetch,
    });
    expect((await ok.lookup(GATSBY))?.title).toBe("The Great Gatsby");
    expect(urls).toEqual([
      `https://openlibrary.org/api/books?bibkeys=ISBN:${GATSBY}&format=json&jscmd=data`,
    ]);
    const down = openLibraryLookup({
      fetchImpl: (async () => new Response("busy", { status: 503 })) as unknown as typeof fetch,
    });
    await expect(down.lookup(GATSBY)).rejects.toThrow("503");
    // The timeout is the fetch's own signal.
    const slow = openLibraryLookup({
      timeoutMs: 20,
      fetchImpl: ((_url: string, init: RequestInit) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        )) as unknown as typeof fetch,
    });
    await expect(slow.lookup(GATSBY)).rejects.toThrow();
  });

  it("picks the lookup from ISBN_LOOKUP", async () => {
    expect(isbnLookupFromSetting("off")).toBe(offLookup);
    await expect(offLookup.lookup(GATSBY)).rejects.toThrow();
    expect(isbnLookupFromSetting("openlibrary").name).toBe("openlibrary");
    const fx = isbnLookupFromSetting(`fixtures:${LOOKUP_FIXTURES}`);
    expect((await fx.lookup(GATSBY))?.authors).toEqual(["F. Scott Fitzgerald"]);
    expect(await fixtureLookup(LOOKUP_FIXTURES).lookup("../../etc")).toBeNull();
    expect(loadEnv({}, {}).ISBN_LOOKUP).toBe("openlibrary");
    expect(loadEnv({ ISBN_LOOKUP: "fixtures:/tmp/x" }, {}).ISBN_LOOKUP).toBe("fixtures:/tmp/x");
    expect(() => loadEnv({ ISBN_LOOKUP: "google" }, {})).toThrow(/ISBN_LOOKUP/);
  });
});

describe("loan e-mails", () => {
  const payload = {
    title: "活着",
    borrowerName: "Bo",
    message: "Saturday?",
    dueDate: "2026-04-01",
    url: "http://localhost/loans/l1",
    state: "accepted",
    pickupBy: "2026-03-17T01:00:00.000Z",
    location: "Central Library",
    timeZone: "Asia/Shanghai",
  };
  it.each([
    "loan_requested",
    "loan_accepted",
    "loan_declined",
    "loan_due_soon",
    "loan_due_today",
    "loan_overdue",
    "queue_turn",
  ])("%s has its own text in English and Chinese", (kind) => {
    for (const locale of ["en", "zh-CN"]) {
      const mail = renderMail(kind, locale, payload, "Readers");
      expect(mail.subject).toContain("活着");
      expect(mail.text).toContain("http://localhost/loans/l1");
      expect(mail.text).not.toContain("{");
    }
  });
  it("says why a loan ended", () => {
    expect(
      renderMail("loan_declined", "en", { ...payload, reason: "expired" }, "R").text,
    ).toContain("had no answer in time and lapsed");
    // A request says by when the owner answers (the association's wait), in both languages.
    const answerBy = "2026-03-12T01:00:00.000Z";
    expect(renderMail("loan_requested", "en", { ...payload, answerBy }, "R").text).toContain(
      "Please accept or decline by Thursday, 12 March 2026",
    );
    expect(renderMail("loan_requested", "zh-CN", { ...payload, answerBy }, "R").text).toContain(
      "前接受或婉拒",
    );
    expect(
      renderMail(
        "loan_declined",
        "zh-CN",
        { ...payload, reason: "expired", wasAccepted: true },
        "R",
      ).text,
    ).toContain("未在期限内取书");
    expect(renderMail("queue_turn", "en", payload, "R").text).toContain("Central Library");
    expect(renderMail("loan_accepted", "en", { ...payload, pickupBy: null }, "R").text).toContain(
      "hand-over",
    );
  });
});

describe("shelf labels", () => {
  it("draw Code 128 with the code under the bars", () => {
    const svg = labelSvg("RB234567");
    expect(svg).toMatch(/^<svg/);
    expect(svg.length).toBeGreaterThan(1000);
  });
});
