import { describe, expect, it } from "vitest";
import { createCountTable } from "./count-table.ts";
import { DifferencingGuard, listPublishedBoxes, type PublishedBox } from "./differencing-guard.ts";
import { DisclosureInputError } from "./disclosure-rules.ts";
import {
  knowledgeOfPublication,
  listSmallCountEntries,
  protectTable,
  suppressedCountAsPublished,
} from "./protect-table.ts";
import { createRandom, randomCount, randomInteger } from "./seeded-random.ts";
import { auditFeasibleIntervals } from "./table-auditor.ts";

const years = ["2020", "2021", "2022", "2023"];
const departments = ["93", "75", "59"];
const dimensions = [
  { name: "year", categories: years },
  { name: "department", categories: departments },
];
// Seine-Saint-Denis has 10 victims a year, 5 in 2023; the others are larger.
const frame = createCountTable(dimensions, [
  ...["2020", "2021", "2022"].map((year) => ({ categories: [year, "93"], count: 10 })),
  { categories: ["2023", "93"], count: 5 },
  ...years.flatMap((year) => [
    { categories: [year, "75"], count: 40 },
    { categories: [year, "59"], count: 25 },
  ]),
]);

const total = (where: PublishedBox["where"], value: number): PublishedBox => ({ where, status: "published", value });

describe("DifferencingGuard", () => {
  it("refuses two totals whose difference is a small group", () => {
    const guard = DifferencingGuard.create("snapshot-2024", dimensions);
    const first = guard.review("snapshot-2024", frame, [
      total({ department: ["93"], year: ["2020", "2021", "2022"] }, 30),
    ]);
    expect(first.accepted).toBe(true);
    const second = guard.review("snapshot-2024", frame, [total({ department: ["93"], year: years }, 35)]);
    expect(second).toMatchObject({ accepted: false, reason: "differencing" });
    if (!second.accepted) expect(second.exposedGroups).toContainEqual({ year: ["2023"], department: ["93"] });
  });

  it("takes a protected table's own proof for a user's first table, and reviews every later one against it", () => {
    const guard = DifferencingGuard.create("snapshot-2024", dimensions);
    const first = guard.acceptFirstProtectedTable("snapshot-2024", [
      total({ department: ["93"], year: ["2020", "2021", "2022"] }, 30),
    ]);
    expect(first.accepted).toBe(true);
    // Not a way around the review: a guard that holds a table reviews the next one.
    expect(() =>
      guard.acceptFirstProtectedTable("snapshot-2024", [total({ department: ["93"], year: years }, 35)]),
    ).toThrow(DisclosureInputError);
    const second = guard.review("snapshot-2024", frame, [total({ department: ["93"], year: years }, 35)]);
    expect(second).toMatchObject({ accepted: false, reason: "differencing" });
    // A count from 1 to 10 published as such is refused whatever the table claims.
    const small = DifferencingGuard.create("snapshot-2024", dimensions).acceptFirstProtectedTable("snapshot-2024", [
      total({ department: ["93"], year: ["2023"] }, 5),
    ]);
    expect(small).toMatchObject({ accepted: false, reason: "small_count_published" });
  });

  it("refuses a département total that, with the national and the other totals, reveals it", () => {
    const guard = DifferencingGuard.create("s", dimensions);
    expect(guard.review("s", frame, [total({ year: ["2023"] }, 5 + 40 + 25)]).accepted).toBe(true);
    expect(guard.review("s", frame, [total({ year: ["2023"], department: ["75"] }, 40)]).accepted).toBe(true);
    expect(guard.review("s", frame, [total({ year: ["2023"], department: ["59"] }, 25)]).accepted).toBe(false);
  });

  it("accepts totals whose difference is an empty group, which any table would publish as 0", () => {
    const withEmpty = createCountTable(dimensions, [
      ...years.map((year) => ({ categories: [year, "93"], count: year === "2023" ? 0 : 12 })),
      ...years.flatMap((year) => [
        { categories: [year, "75"], count: 40 },
        { categories: [year, "59"], count: 25 },
      ]),
    ]);
    const guard = DifferencingGuard.create("s", dimensions);
    expect(
      guard.review("s", withEmpty, [total({ department: ["93"], year: ["2020", "2021", "2022"] }, 36)]).accepted,
    ).toBe(true);
    expect(guard.review("s", withEmpty, [total({ department: ["93"], year: years }, 36)]).accepted).toBe(true);
  });

  it("refuses a count from 1 to 10 published as such", () => {
    const guard = DifferencingGuard.create("s", dimensions);
    const decision = guard.review("s", frame, [total({ year: ["2023"], department: ["93"] }, 5)]);
    expect(decision).toMatchObject({ accepted: false, reason: "small_count_published" });
  });

  it("accepts the same protected table twice and its own margins again", () => {
    const random = createRandom(5);
    const rows = years.flatMap((year) =>
      departments.map((department) => ({ categories: [year, department], count: randomCount(random, 0.4) })),
    );
    const table = createCountTable(dimensions, rows);
    const guard = DifferencingGuard.create("s", dimensions);
    const boxes = listPublishedBoxes(protectTable(table));
    expect(guard.review("s", table, boxes).accepted).toBe(true);
    expect(guard.review("s", table, boxes).accepted).toBe(true);
    const yearTotals = boxes.filter((box) => box.where.department?.length === departments.length);
    expect(guard.review("s", table, yearTotals).accepted).toBe(true);
  });

  it("accepts its own table protected with uniform labels, in a frame of more years (issue #7)", () => {
    // A sparse year × département × form table whose "< 11" labels would give small counts away, so that every
    // hidden count reads "s"; the guard's frame spans more years than the table, as the service's does.
    const random = createRandom(264);
    const tableYears = ["2021", "2022", "2023", "2024"];
    const places = Array.from({ length: randomInteger(random, 4, 8) }, (_, i) => `d${i}`);
    const forms = Array.from({ length: randomInteger(random, 3, 4) }, (_, i) => `f${i}`);
    const cellsOf = (yearList: readonly string[]) =>
      yearList.flatMap((year) =>
        places.flatMap((place) =>
          forms.map((form) => ({ categories: [year, place, form], count: randomCount(random, 0.75) })),
        ),
      );
    const rows = cellsOf(tableYears);
    const table = createCountTable(
      [
        { name: "year", categories: tableYears },
        { name: "department", categories: places },
        { name: "form", categories: forms },
      ],
      rows,
    );
    const frameYears = ["2019", "2020", ...tableYears, "2025"];
    const frameDimensions = [
      { name: "year", categories: frameYears },
      { name: "department", categories: places },
      { name: "form", categories: forms },
    ];
    const wideFrame = createCountTable(frameDimensions, [...rows, ...cellsOf(["2019", "2020", "2025"])]);
    const published = protectTable(table);
    expect(published).toMatchObject({ method: "suppression", hiddenLabels: "uniform" });
    // What readers see bounds every count from 1 to 10 within the protection range.
    const targets = listSmallCountEntries(published);
    const intervals = auditFeasibleIntervals(knowledgeOfPublication(published), targets);
    for (const target of targets) {
      const interval = intervals.get(target);
      expect((interval?.max ?? 0) - (interval?.min ?? 0)).toBeGreaterThanOrEqual(published.protectionRange);
    }

    const boxes = listPublishedBoxes(published);
    // An "s" tells nothing more in the guard's record than to readers: no box says "0 to 10" or "11 or more".
    expect(boxes.some((box) => box.status === "primary" || box.status === "secondary")).toBe(false);
    expect(DifferencingGuard.create("s", frameDimensions).review("s", wideFrame, boxes).accepted).toBe(true);

    // Had the table told which "s" are counts 0–10, the guard would rightly refuse it.
    const toldApart = published.entries.map((entry, index) => ({
      ...(boxes[index] as PublishedBox),
      status: entry.status,
    }));
    const refused = DifferencingGuard.create("s", frameDimensions).review("s", wideFrame, toldApart);
    expect(refused).toMatchObject({ accepted: false, reason: "differencing" });

    // Nor does the count of hidden cells under the table tell how many are small.
    expect(published.suppressedCount.primary).toBeGreaterThan(0);
    expect(suppressedCountAsPublished(published)).toEqual({
      primary: 0,
      secondary: published.suppressedCount.total,
      total: published.suppressedCount.total,
    });
  });

  it("keeps its memory through serialisation and stays bound to its snapshot", () => {
    const guard = DifferencingGuard.create("s", dimensions);
    guard.review("s", frame, [total({ department: ["93"], year: ["2020", "2021", "2022"] }, 30)]);
    const restored = DifferencingGuard.fromJSON(JSON.parse(JSON.stringify(guard.toJSON())));
    expect(restored.review("s", frame, [total({ department: ["93"], year: years }, 35)]).accepted).toBe(false);
    expect(() => restored.review("other", frame, [])).toThrow(DisclosureInputError);
  });
});
