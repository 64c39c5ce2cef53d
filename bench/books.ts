// Book search at scale: seeds 100 000 copies (about 60 000 editions: English, Chinese,
// French and German titles; members' copies and the association's shelves; a fifth of them
// lent or requested) and times typical searches through the same repository call as
// books.search — a partial English word, an author, an ISBN, two Chinese characters, and
// filters — on PGlite (in memory) and, when DATABASE_URL is set, on a fresh PostgreSQL
// database. Prints p50/p95 per query and the ratio of each p50 to a bare `select 1` through
// drizzle measured in the same run. Target on PostgreSQL: p95 ≤ 20 ms.
//
//   pnpm bench:books [-- --copies=100000 --runs=40]
import { parseArgs } from "node:util";
import { loadEnv } from "@readers/api";
import {
  book,
  bookCopy,
  bookRows,
  createDb,
  type Database,
  type DbHandle,
  insertLocations,
  loan,
  queryRows,
  searchBooks,
} from "@readers/db";
import { openFreshPostgres } from "@readers/db/testing";
import { type Book, isbn13CheckDigit } from "@readers/domain";
import { sql } from "drizzle-orm";
import { benchArgs, percentile, seedMembers } from "./lib.ts";

const { values: args } = parseArgs({
  args: benchArgs(),
  options: {
    copies: { type: "string", default: "100000" },
    runs: { type: "string", default: "40" },
  },
});
const COPIES = Number(args.copies);
const RUNS = Number(args.runs);
const MEMBERS = 2_000;
const BATCH = 1_000;
const DAY = 86_400_000;

// --------------------------------------------------------------------------- the catalogue

/** A small deterministic generator, so every run seeds the same catalogue. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const EN_ADJ = [
  "Silent",
  "Golden",
  "Hidden",
  "Last",
  "Broken",
  "Distant",
  "Quiet",
  "Secret",
  "Burning",
  "Winter",
  "Lost",
  "Little",
  "Invisible",
  "Restless",
  "Northern",
  "Careful",
  "Bright",
  "Wild",
  "Paper",
  "Glass",
];
const EN_NOUN = [
  "River",
  "Garden",
  "Library",
  "Harbour",
  "Mountain",
  "Letters",
  "Kingdom",
  "Island",
  "Orchard",
  "Lighthouse",
  "Archive",
  "Station",
  "Bridge",
  "Forest",
  "Window",
  "Atlas",
  "Compass",
  "Reader",
  "Teacher",
  "Clockmaker",
];
const EN_FORMS = [
  (a: string, n: string) => `The ${a} ${n}`,
  (_a: string, n: string) => `A History of the ${n}`,
  (a: string, n: string) => `${n}s of the ${a} Sea`,
  (a: string, n: string) => `On ${a} ${n}s`,
  (a: string, n: string) => `The ${n} and the ${a} Hour`,
];
const EN_FIRST = [
  "Jane",
  "Toni",
  "George",
  "Virginia",
  "Kazuo",
  "Chinua",
  "Zadie",
  "Ian",
  "Hilary",
  "Ursula",
  "Salman",
  "Margaret",
  "James",
  "Doris",
  "Italo",
  "Haruki",
  "Elena",
  "Orhan",
  "Alice",
  "Colson",
];
const EN_LAST = [
  "Austen",
  "Morrison",
  "Orwell",
  "Woolf",
  "Ishiguro",
  "Achebe",
  "Smith",
  "McEwan",
  "Mantel",
  "Le Guin",
  "Rushdie",
  "Atwood",
  "Baldwin",
  "Lessing",
  "Calvino",
  "Murakami",
  "Ferrante",
  "Pamuk",
  "Munro",
  "Whitehead",
];
const ZH_PARTS = [
  "春天",
  "世界",
  "故乡",
  "月光",
  "河流",
  "城市",
  "少年",
  "时间",
  "山海",
  "记忆",
  "花园",
  "远方",
  "黄昏",
  "星辰",
  "灯火",
  "书店",
  "秋雨",
  "长安",
  "江南",
  "草原",
  "青春",
  "父亲",
  "大地",
  "风景",
];
const ZH_FORMS = [
  (a: string, b: string) => `${a}的${b}`,
  (a: string, b: string) => `${a}与${b}`,
  (a: string, b: string) => `${a}${b}`,
  (a: string, _b: string) => `我的${a}`,
  (_a: string, b: string) => `${b}往事`,
];
const ZH_SURNAME = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "林",
  "郭",
  "何",
  "高",
  "罗",
];
const ZH_GIVEN = [
  "华",
  "迅",
  "遥",
  "莫言",
  "慈欣",
  "爱玲",
  "小波",
  "安忆",
  "秋雨",
  "平凹",
  "沈从",
  "铁生",
  "方",
  "红",
  "静",
  "明",
  "晓",
  "宁",
  "婷",
  "峰",
];
const FR = [
  "Le Petit Prince",
  "L'Étranger",
  "Les Misérables",
  "Madame Bovary",
  "La Peste",
  "Le Rouge et le Noir",
  "Bonjour tristesse",
  "Les Fleurs du mal",
];
const DE = [
  "Der Steppenwolf",
  "Die Verwandlung",
  "Der Prozess",
  "Buddenbrooks",
  "Siddhartha",
  "Die Blechtrommel",
  "Der Vorleser",
  "Momo",
];

function isbnFor(n: number): string {
  const first12 = `978${String(100_000_000 + n)
    .padStart(9, "0")
    .slice(-9)}`;
  return first12 + isbn13CheckDigit(first12);
}

/** One edition: a mix of languages, a third without an ISBN (old or self-published). */
function edition(i: number): Book {
  const r = random();
  const isbn13 = random() < 0.7 ? isbnFor(i) : null;
  const year = 1950 + Math.floor(random() * 75);
  if (r < 0.55) {
    return {
      id: `b${i}`,
      isbn13,
      title: pick(EN_FORMS)(pick(EN_ADJ), pick(EN_NOUN)),
      authors: [`${pick(EN_FIRST)} ${pick(EN_LAST)}`],
      year,
      language: "en",
      coverUrl: null,
    };
  }
  if (r < 0.87) {
    return {
      id: `b${i}`,
      isbn13,
      title: pick(ZH_FORMS)(pick(ZH_PARTS), pick(ZH_PARTS)),
      authors: [`${pick(ZH_SURNAME)}${pick(ZH_GIVEN)}`],
      year,
      language: "zh-Hans",
      coverUrl: null,
    };
  }
  const french = r < 0.94;
  return {
    id: `b${i}`,
    isbn13,
    title: `${pick(french ? FR : DE)}${random() < 0.5 ? "" : ` (${year})`}`,
    authors: [`${pick(EN_FIRST)} ${pick(EN_LAST)}`],
    year,
    language: french ? "fr" : "de",
    coverUrl: null,
  };
}

async function seed(db: Database): Promise<{ isbns: string[] }> {
  const now = new Date();
  await insertLocations(db, [
    { id: "central", name: "Central Library", address: null },
    { id: "campus", name: "Campus Reading Room", address: null },
  ]);
  const { memberIds } = await seedMembers(db, MEMBERS, { now });
  const editions = Math.round(COPIES * 0.6);
  const isbns: string[] = [];
  for (let start = 0; start < editions; start += BATCH) {
    const books = Array.from({ length: Math.min(BATCH, editions - start) }, (_, k) =>
      edition(start + k),
    );
    for (const b of books) if (b.isbn13) isbns.push(b.isbn13);
    await db.insert(book).values(bookRows(books, now));
  }
  // Popular editions have several copies: every edition one, the rest spread at random.
  for (let start = 0; start < COPIES; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, COPIES - start) }, (_, k) => {
      const i = start + k;
      const bookIndex = i < editions ? i : Math.floor(random() ** 2 * editions);
      const association = random() < 0.15;
      return {
        id: `c${i}`,
        bookId: `b${bookIndex}`,
        ownerMemberId: association ? null : (memberIds[i % memberIds.length] as string),
        shelfLocationId: association ? (random() < 0.6 ? "central" : "campus") : null,
        mode: random() < 0.1 ? ("give" as const) : ("lend" as const),
        labelCode: association ? `RB${String(i).padStart(6, "0")}` : null,
        withdrawnAt: random() < 0.02 ? now : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.insert(bookCopy).values(rows);
    // A fifth of the copies are out: on loan, promised, or asked for.
    const states = ["on_loan", "on_loan", "accepted", "requested"] as const;
    const loans = rows
      .filter((c, k) => !c.withdrawnAt && (start + k) % 5 === 0)
      .map((c, k) => {
        const state = states[k % states.length] as (typeof states)[number];
        let borrowerId = memberIds[(start + k * 31 + 7) % memberIds.length] as string;
        if (borrowerId === c.ownerMemberId) borrowerId = memberIds[0] as string;
        return {
          id: `l${c.id}`,
          copyId: c.id,
          borrowerId,
          ownerMemberId: c.ownerMemberId,
          mode: c.mode,
          state,
          requestedAt: new Date(now.getTime() - 10 * DAY),
          acceptedAt: state === "requested" ? null : new Date(now.getTime() - 9 * DAY),
          handedOverAt: state === "on_loan" ? new Date(now.getTime() - 8 * DAY) : null,
          dueDate:
            state === "on_loan"
              ? new Date(now.getTime() + 13 * DAY).toISOString().slice(0, 10)
              : null,
        };
      });
    if (loans.length) await db.insert(loan).values(loans);
  }
  await db.execute(sql`analyze`);
  return { isbns };
}

// ------------------------------------------------------------------------------- measure

interface Query {
  name: string;
  /** Run `i` of the query (the terms rotate, so the cache sees more than one). */
  input(i: number): Parameters<typeof searchBooks>[1];
}

function queries(isbns: string[]): Query[] {
  const base = { availableNow: false, associationOnly: false, limit: 21 };
  const en = ["rive", "lighth", "orcha", "clockm", "atla", "harbo", "kingd", "compa"];
  const authors = ["austen", "murakami", "le guin", "ferrante", "ishiguro", "achebe"];
  const zh = ["世界", "春天", "故乡", "月光", "江南", "星辰", "黄昏", "书店"];
  return [
    { name: "partial English word", input: (i) => ({ ...base, text: en[i % en.length] }) },
    { name: "author", input: (i) => ({ ...base, text: authors[i % authors.length] }) },
    {
      name: "ISBN (with hyphens)",
      input: (i) => {
        const isbn = isbns[(i * 7919) % isbns.length] as string;
        return { ...base, text: `${isbn.slice(0, 3)}-${isbn.slice(3, 12)}-${isbn.slice(12)}` };
      },
    },
    { name: "2 Chinese characters", input: (i) => ({ ...base, text: zh[i % zh.length] }) },
    {
      name: "Chinese + available now",
      input: (i) => ({ ...base, text: zh[i % zh.length], availableNow: true }),
    },
    {
      name: "word + language + mode",
      input: (i) => ({ ...base, text: en[i % en.length], language: "en", mode: "lend" as const }),
    },
    {
      name: "browse: association, available",
      input: () => ({ ...base, associationOnly: true, availableNow: true }),
    },
    { name: "browse: give, zh", input: () => ({ ...base, mode: "give" as const, language: "zh" }) },
  ];
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: plans and buffers
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

async function measure(label: string, handle: DbHandle): Promise<void> {
  const { db } = handle;
  const seedStart = performance.now();
  const { isbns } = await seed(db);
  const seconds = ((performance.now() - seedStart) / 1000).toFixed(1);
  const [counts] = await queryRows<{ books: number; copies: number; loans: number }>(
    db,
    sql`select (select count(*)::int from book) as books, (select count(*)::int from book_copy) as copies,
               (select count(*)::int from loan) as loans`,
  );
  console.log(
    `\nbook search — ${label}: ${counts!.copies} copies of ${counts!.books} editions, ${counts!.loans} open loans (seeded in ${seconds} s)`,
  );
  const baseline = percentile(await time(() => db.execute(sql`select 1`), RUNS * 5), 50);
  console.log(`  baseline       select 1 through drizzle: p50 ${baseline.toFixed(2)} ms`);
  let worst = 0;
  for (const q of queries(isbns)) {
    let i = 0;
    let hits = 0;
    const samples = await time(async () => {
      const rows = await searchBooks(db, q.input(i++));
      hits += rows.length;
    }, RUNS);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    worst = Math.max(worst, p95);
    console.log(
      `  ${q.name.padEnd(32)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ×${(p50 / baseline).toFixed(0).padStart(4)} baseline   ${(hits / (RUNS + 3)).toFixed(1)} hits/page`,
    );
  }
  console.log(`  worst p95      ${worst.toFixed(1)} ms`);
}

async function explain(db: Database): Promise<void> {
  // The plan of the 2-character Chinese query: it must use the grams index, not a scan.
  const rows = await queryRows<{ "QUERY PLAN": string }>(
    db,
    sql`explain select b.id from book b where b.cjk_grams @> array['世界']::text[] and b.search_text like '%世界%'`,
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  console.log(
    `  plan (2 Chinese characters): ${/book_cjk_grams_gin/.test(plan) ? "uses book_cjk_grams_gin" : `NO INDEX:\n${plan}`}`,
  );
}

async function main(): Promise<void> {
  const databaseUrl = loadEnv().DATABASE_URL;
  const pglite = await createDb({ memory: true });
  try {
    await measure("PGlite (in memory)", pglite);
    await explain(pglite.db);
  } finally {
    await pglite.close();
  }
  if (databaseUrl) {
    const fresh = await openFreshPostgres(databaseUrl, 4);
    try {
      await measure(`PostgreSQL ${await fresh.serverVersion()}`, fresh);
      await explain(fresh.db);
    } finally {
      await fresh.close();
    }
  } else {
    console.log("\n(set DATABASE_URL to measure PostgreSQL too)");
  }
}

await main();
