import { describe, expect, it } from "vitest";
import { err, isErr, ok, type Refusal, type Result } from "./result.js";

describe("Result", () => {
  it("ok wraps a value", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
  });

  it("err carries code, message and details, and details cannot override them", () => {
    const refusal = err("X", "because", { ok: true, code: "Y", extra: 1 } as object);
    expect(refusal).toEqual({ ok: false, code: "X", message: "because", extra: 1 });
  });

  it("isErr narrows", () => {
    const r: Result<number, Refusal<"NOPE">> = err("NOPE", "no");
    expect(isErr(r)).toBe(true);
    expect(isErr(ok(1) as Result<number, Refusal<"NOPE">>)).toBe(false);
  });
});
