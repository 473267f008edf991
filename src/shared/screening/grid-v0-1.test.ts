import { describe, expect, it } from "vitest";
import { DOMAIN_CODES } from "./grid-definition";
import { CURRENT_GRID, findGrid, listGridItems } from "./grid-registry";
import { GRR_V0_1 } from "./grid-v0-1";

describe("GRR v0.1 grid data", () => {
  const items = listGridItems(GRR_V0_1);

  it("has the eleven domains A–K with their families", () => {
    expect(GRR_V0_1.domains.map((domain) => domain.code)).toEqual([...DOMAIN_CODES]);
    const family = Object.fromEntries(GRR_V0_1.domains.map((domain) => [domain.code, domain.family]));
    expect(family).toEqual({
      A: "risk",
      B: "risk",
      C: "control",
      D: "control",
      E: "control",
      F: "risk",
      G: "exploitation",
      H: "exploitation",
      I: "exploitation",
      J: "control",
      K: "exploitation",
    });
  });

  it("numbers the items of each domain from 1, with unique ids and French label and guide", () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items).toHaveLength(52);
    for (const domain of GRR_V0_1.domains) {
      expect(domain.guide.length).toBeGreaterThan(20);
      domain.items.forEach((item, index) => {
        expect(item.id).toBe(`${domain.code}${index + 1}`);
        expect(item.domain).toBe(domain.code);
        expect(item.label.length).toBeGreaterThan(5);
        expect(item.guide.length).toBeGreaterThan(5);
      });
    }
  });

  it("marks the brief items of indicators.md §3.2", () => {
    expect(items.filter((item) => item.inBrief).map((item) => item.id)).toEqual([
      "A1",
      "A3",
      "B1",
      "B4",
      "C1",
      "D4",
      "E2",
      "G1",
      "H1",
      "I1",
      "K1",
      "K3",
    ]);
  });

  it("has the five red flags, one of them about injuries", () => {
    expect(GRR_V0_1.redFlags.map((flag) => flag.id)).toEqual(["RF1", "RF2", "RF3", "RF4", "RF5"]);
    expect(GRR_V0_1.redFlags.filter((flag) => flag.signalsInjury).map((flag) => flag.id)).toEqual(["RF4"]);
  });

  it("is registered and is the current grid", () => {
    expect(findGrid("GRR-0.1")).toBe(GRR_V0_1);
    expect(CURRENT_GRID).toBe(GRR_V0_1);
    expect(findGrid("toString")).toBeUndefined();
  });
});
