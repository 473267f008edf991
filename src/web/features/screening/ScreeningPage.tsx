import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { CURRENT_GRID } from "@shared/screening/grid-registry.ts";
import { PATHS } from "../../paths.ts";
import { ScreeningGrid } from "./ScreeningGrid.tsx";

/** An anonymous pre-screening: the grid is scored in the browser and nothing is sent to the server. */
export default function ScreeningPage() {
  return (
    <>
      <title>Grille de repérage (GRR) — Repère</title>
      <Breadcrumb currentPageLabel="Grille de repérage" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Grille de repérage (GRR)</h1>
      <p className="fr-text--lead">
        Cotez ce que vous savez de la situation pour obtenir un niveau de préoccupation et les actions à mener.
      </p>
      <Notice
        className="fr-mb-4w"
        title="Pré-repérage anonyme : aucune donnée n'est enregistrée."
        description={`Le calcul se fait dans votre navigateur avec la ${CURRENT_GRID.label}, outil conçu par Repère et encore en expérimentation. La grille se remplit à partir de tout ce que vous savez ; elle ne se lit pas à la personne comme un questionnaire.`}
      />
      <ScreeningGrid grid={CURRENT_GRID} />
    </>
  );
}
