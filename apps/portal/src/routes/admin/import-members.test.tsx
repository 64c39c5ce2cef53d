import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

const CSV = "email,first_name,last_name,tier\nlin@example.org,Mei,Lin,Standard\n";

function errorRow(line: number) {
  return {
    line,
    action: "error",
    email: `row${line}@example.org`,
    problems: [
      { column: "tier", code: "UNKNOWN_TIER" },
      { column: "end_date", code: "END_BEFORE_START" },
    ],
  };
}

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, {
    privileges: [...ORGANIZER_PRIVILEGES, "memberships.import"],
  });
});

const paste = (text: string) =>
  fireEvent.input(screen.getByLabelText("Or paste the CSV text"), { target: { value: text } });

describe("member import", () => {
  it("shows the expected columns and a sample", async () => {
    renderPortal("/admin/members/import");
    await screen.findByRole("heading", { level: 1, name: "Import members" });
    const columns = screen.getByRole("region", { name: "Expected columns" });
    expect(within(columns).getByText("email").parentElement?.textContent).toBe("email (required)");
    expect(within(columns).getByText("phone").parentElement?.textContent).toBe("phone");
    expect(columns.querySelector("pre")?.textContent).toContain(
      "email,first_name,last_name,phone,tier,start_date,end_date,member_number",
    );
  });

  it("asks for a file or text before checking", async () => {
    renderPortal("/admin/members/import");
    fireEvent.click(await screen.findByRole("button", { name: "Check file" }));
    expect(await screen.findByText("Choose a CSV file or paste its text.")).toBeTruthy();
    expect(trpc.memberships.import.mutate).not.toHaveBeenCalled();
  });

  it("reports rows with problems, paged, and refuses to import them", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => errorRow(i + 2));
    trpc.memberships.import.mutate.mockResolvedValue({
      committed: false,
      counts: { create: 440, update: 0, unchanged: 0, error: 60 },
      rows,
      sample: [],
    });
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    const report = await screen.findByRole("region", { name: "Check result" });
    expect(trpc.memberships.import.mutate).toHaveBeenCalledWith({ csv: CSV, commit: false });
    expect(within(report).getByText("New members").nextElementSibling?.textContent).toBe("440");
    expect(within(report).getByText("Rows with errors").nextElementSibling?.textContent).toBe("60");
    expect(
      within(report).getByText(
        "Fix the rows below and check the file again. Nothing has been imported.",
      ),
    ).toBeTruthy();
    const table = within(report).getByRole("table", { name: "Rows with problems" });
    // A header row plus one page of 50.
    expect(within(table).getAllByRole("row")).toHaveLength(51);
    const first = within(table).getAllByRole("row")[1]!;
    expect(within(first).getByText("row2@example.org")).toBeTruthy();
    expect(within(first).getByText("tier: no tier has this name")).toBeTruthy();
    expect(within(first).getByText("end_date: ends before it starts")).toBeTruthy();
    fireEvent.click(within(report).getByRole("button", { name: "Next page" }));
    expect(within(report).getByText("Page 2 of 2")).toBeTruthy();
    expect(within(table).getAllByRole("row")).toHaveLength(11);
    const commit = within(report).getByRole("button", { name: "Import 440 members" });
    expect((commit as HTMLButtonElement).disabled).toBe(true);
  });

  it("checks a chosen file, then imports it", async () => {
    trpc.memberships.import.mutate.mockImplementation(async (input: { commit: boolean }) => ({
      committed: input.commit,
      counts: { create: 500, update: 0, unchanged: 0, error: 0 },
      rows: [],
      sample: [],
    }));
    renderPortal("/admin/members/import");
    const file = new File([CSV], "members.csv", { type: "text/csv" });
    fireEvent.change(await screen.findByLabelText("CSV file"), { target: { files: [file] } });
    await waitFor(() =>
      expect((screen.getByLabelText("Or paste the CSV text") as HTMLTextAreaElement).value).toBe(
        CSV,
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    expect(await screen.findByText("The file is ready to import.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Import 500 members" }));
    expect(
      await screen.findByText("Import finished: 500 new, 0 updated, 0 unchanged."),
    ).toBeTruthy();
    expect(trpc.memberships.import.mutate).toHaveBeenLastCalledWith({ csv: CSV, commit: true });
    expect(screen.getByRole("link", { name: "Go to the member list" }).getAttribute("href")).toBe(
      "/admin/members",
    );
    expect(screen.queryByRole("region", { name: "Check result" })).toBeNull();
  });

  it("wants a new check when the text changes after one", async () => {
    trpc.memberships.import.mutate.mockResolvedValue({
      committed: false,
      counts: { create: 1, update: 0, unchanged: 0, error: 0 },
      rows: [],
      sample: [],
    });
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    const button = await screen.findByRole("button", { name: "Import 1 member" });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    paste(`${CSV}wang@example.org,Fang,Wang,Standard\n`);
    expect(
      await screen.findByText(
        "The text has changed since the check. Check it again before importing.",
      ),
    ).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it("explains a file whose header is wrong", async () => {
    trpc.memberships.import.mutate.mockRejectedValue(
      trpcError("BAD_REQUEST", "IMPORT_COLUMNS_INVALID", {
        missing: ["tier"],
        unknown: ["nickname"],
        duplicate: ["email", "email"],
      }),
    );
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste("email,first_name,last_name,nickname\n");
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The first line of the file must name the import columns.");
    expect(alert.textContent).toContain("Missing columns: tier.");
    expect(alert.textContent).toContain("Unknown columns: nickname.");
    expect(alert.textContent).toContain("Columns named twice: email.");
  });

  it("explains misaligned rows and unconfirmed accounts", async () => {
    trpc.memberships.import.mutate.mockResolvedValue({
      committed: false,
      counts: { create: 0, update: 0, unchanged: 0, error: 2 },
      rows: [
        {
          line: 2,
          action: "error",
          email: "lin@example.org",
          problems: [{ column: "email", code: "WRONG_CELL_COUNT" }],
        },
        {
          line: 3,
          action: "error",
          email: "wang@example.org",
          problems: [{ column: "email", code: "EMAIL_UNCONFIRMED" }],
        },
      ],
      sample: [],
    });
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    const table = await screen.findByRole("table", { name: "Rows with problems" });
    expect(
      within(table).getByText(
        "This row has a different number of cells than the header — a comma in a name? Put the name in quotes.",
      ),
    ).toBeTruthy();
    expect(
      within(table).getByText(
        "email: the member's account has not confirmed this address; the row would change their details",
      ),
    ).toBeTruthy();
  });

  it("says where a file stops being CSV", async () => {
    trpc.memberships.import.mutate.mockRejectedValue(
      trpcError("BAD_REQUEST", "IMPORT_MALFORMED", { line: 7 }),
    );
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste('email,first_name\n"unclosed,Mei\n');
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The file is not valid CSV (near line 7).",
    );
    // Without a line the sentence does not name one.
    trpc.memberships.import.mutate.mockRejectedValue(
      trpcError("BAD_REQUEST", "IMPORT_MALFORMED", { line: null }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("The file is not valid CSV."),
    );
    expect(screen.getByRole("alert").textContent).not.toContain("line");
  });

  it("explains a file that is too long", async () => {
    trpc.memberships.import.mutate.mockRejectedValue(
      trpcError("BAD_REQUEST", "IMPORT_TOO_MANY_ROWS", { max: 10000, rows: 12500 }),
    );
    renderPortal("/admin/members/import");
    await screen.findByLabelText("Or paste the CSV text");
    paste(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Check file" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The file has 12,500 rows; at most 10,000 can be imported at once.",
    );
  });
});
