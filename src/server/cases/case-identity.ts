import type { AgeEstimate, Identity, IdentityView } from "@shared/cases.ts";
import type { Key } from "../keys/key-ring.ts";
import type { SealedIdentity } from "./cases.queries.ts";
import { openJson, type Sealed, sealAad, sealJson } from "./sealed.ts";

const TABLE = "case_identities";

/** Seals each identity field apart, bound to its column and case, before anything reaches the queries. */
export function sealIdentity(keys: readonly Key[], caseId: string, identity: Identity): SealedIdentity {
  const s = (column: string, value: unknown) => sealJson(keys, value, sealAad(TABLE, column, caseId));
  return {
    surnameEnc: s("surname_enc", identity.surname),
    firstNamesEnc: s("first_names_enc", identity.firstNames),
    aliasesEnc: s("aliases_enc", identity.aliases),
    birthDateEnc: s("birth_date_enc", identity.birthDate),
    ageEstimateEnc: s("age_estimate_enc", identity.ageEstimate),
    phonesEnc: s("phones_enc", identity.phones),
    placementAddressEnc: s("placement_address_enc", identity.placementAddress),
  };
}

export function openIdentity(keys: readonly Key[], caseId: string, sealed: SealedIdentity): Identity {
  const o = <T>(column: string, value: Sealed) => openJson<T>(keys, value, sealAad(TABLE, column, caseId));
  return {
    surname: o<string>("surname_enc", sealed.surnameEnc),
    firstNames: o<string>("first_names_enc", sealed.firstNamesEnc),
    aliases: o<string[]>("aliases_enc", sealed.aliasesEnc),
    birthDate: o<string | null>("birth_date_enc", sealed.birthDateEnc),
    ageEstimate: o<AgeEstimate | null>("age_estimate_enc", sealed.ageEstimateEnc),
    phones: o<string[]>("phones_enc", sealed.phonesEnc),
    placementAddress: o<string | null>("placement_address_enc", sealed.placementAddressEnc),
  };
}

export function presentIdentity(caseId: string, caseNumber: string, identity: Identity): IdentityView {
  return { caseId, caseNumber, ...identity };
}
