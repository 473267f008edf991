import { randomBytes } from "node:crypto";
import { IdentityInput } from "@shared/cases.ts";
import { describe, expect, it } from "vitest";
import { keyFromBytes } from "../keys/key-ring.ts";
import { blindIndexEntries, nameTokens, probableMatchKeys } from "./blind-index.ts";

const key = keyFromBytes(randomBytes(32));
const digests = (identity: object) =>
  new Set(blindIndexEntries(key, IdentityInput.parse(identity)).map((e) => `${e.kind}:${e.digest}`));

describe("blind index", () => {
  it("gives common spellings of a name the same tokens", () => {
    expect(nameTokens("Mélissa")).toEqual(nameTokens("MELISA"));
    expect(nameTokens("Youssouf")).toEqual(nameTokens("Yusuf"));
    expect(nameTokens("Khadidja")).toEqual(nameTokens("Kadija"));
    expect(nameTokens("Philippe")).toEqual(nameTokens("Filipe"));
    expect(nameTokens("Jean-Baptiste d'Arc")).toEqual(["jean", "baptiste", "ark"]);
    expect(nameTokens("Awa")).not.toEqual(nameTokens("Ava Marie"));
  });

  it("indexes the full name whatever the order, and nothing in clear", () => {
    const a = digests({ surname: "Traoré", firstNames: "Awa", birthDate: "2008-07-01" });
    const b = digests({ surname: "Awa", firstNames: "TRAORE", birthDate: "2008-07-01" });
    expect(a).toEqual(b);
    expect([...a].join()).not.toMatch(/traor|awa|2008/i);
    const otherKey = blindIndexEntries(
      keyFromBytes(randomBytes(32)),
      IdentityInput.parse({ surname: "Traoré", firstNames: "Awa" }),
    );
    expect(otherKey.some((e) => a.has(`${e.kind}:${e.digest}`))).toBe(false);
  });

  it("asks for a name and a birth to agree before proposing a match", () => {
    expect(probableMatchKeys({ name: 1, full_name: 0, birth_date: 1, birth_year: 1 })).toBeNull();
    expect(probableMatchKeys({ name: 3, full_name: 1, birth_date: 0, birth_year: 0 })).toBeNull();
    expect(probableMatchKeys({ name: 2, full_name: 0, birth_date: 0, birth_year: 1 })).toEqual([
      "name_tokens",
      "birth_year",
    ]);
    expect(probableMatchKeys({ name: 2, full_name: 1, birth_date: 1, birth_year: 1 })).toEqual([
      "full_name",
      "birth_date",
    ]);
  });
});
