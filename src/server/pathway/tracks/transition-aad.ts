import { sealAad } from "../../cases/sealed.ts";

/** Binds a step's sealed reason or reference to its row. */
export const transitionAad = (id: string, column: "reason_enc" | "reference_enc") =>
  sealAad("pathway_transitions", column, id);
