import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "path.to.key" => text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("kiosk catalogs", () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it("have exactly the same keys in en and zh-CN", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("use the same template parameters in both languages", () => {
    for (const [key, text] of english) {
      expect(placeholders(chinese.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("have no empty texts", () => {
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe("");
  });
});
