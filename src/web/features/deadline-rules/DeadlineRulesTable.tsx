import { DEADLINE_RULES } from "@shared/calendar/deadline-rules.ts";
import { departmentLabel } from "@shared/departments.ts";
import type { DeadlineOverridesView } from "@shared/pathway.ts";
import { TableFrame } from "../../components/TableFrame.tsx";
import { deadlineLength } from "../pathway/pathway-labels.tsx";
import { alertText, catalogueRule, isAdjusted } from "./deadline-rule-text.ts";

const ORIGIN_LABELS = { legal: "Texte", policy: "Repère" } as const;
// The basis texts are long: their cells wrap, within bounds, instead of pushing the last columns out of view.
const CELL_WRAP = { minWidth: "14rem", maxWidth: "26rem" } as const;

/** Each deadline as the département runs it, with where it comes from and whether the département changed it. */
export function DeadlineRulesTable({ view }: { view: DeadlineOverridesView }) {
  return (
    <TableFrame>
      <table>
        <caption>
          Échéances appliquées : {departmentLabel(view.departmentCode)}
          <span className="fr-hint-text">
            Délais comptés à partir du lendemain de l'événement qui les déclenche, sauf mention contraire.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Ce qui est dû</th>
            <th scope="col">Délai</th>
            <th scope="col">Alerte</th>
            <th scope="col">Origine</th>
            <th scope="col">Ajusté dans ce département</th>
          </tr>
        </thead>
        <tbody>
          {view.rules.map((rule) => {
            const catalogue = catalogueRule(rule.code);
            return (
              <tr key={rule.code}>
                <th scope="row" className="fr-cell--multiline" style={CELL_WRAP}>
                  {rule.label}
                </th>
                <td>{deadlineLength(rule)}</td>
                <td>{alertText(rule)}</td>
                <td className="fr-cell--multiline" style={CELL_WRAP}>
                  <strong>{ORIGIN_LABELS[rule.source]}</strong>
                  <span className="fr-hint-text">{DEADLINE_RULES[rule.code].basis}</span>
                </td>
                <td className="fr-cell--multiline">
                  {isAdjusted(rule) ? (
                    <>
                      Oui
                      <span className="fr-hint-text">
                        Catalogue : {deadlineLength(catalogue)}, alerte : {alertText(catalogue).toLowerCase()}
                      </span>
                    </>
                  ) : (
                    "Non"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
