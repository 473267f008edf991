import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { observatoryApi } from "../../../api.ts";
import { LoadingMessage } from "../../../components/LoadingMessage.tsx";
import { ProtectedTable } from "../ProtectedTable.tsx";
import { problemText } from "../problem-text.ts";

/** National totals: Repère's own count, then the survey's, each protected like any published table. */
export function ConsolidationPanel({ campaignId }: { campaignId: string }) {
  const consolidation = useQuery({
    queryKey: ["observatory", "survey", "consolidation", campaignId],
    queryFn: () => observatoryApi.getSurveyConsolidation(campaignId),
  });
  if (consolidation.error) return <Alert severity="warning" small description={problemText(consolidation.error)} />;
  if (!consolidation.data) return <LoadingMessage />;
  const view = consolidation.data;
  return (
    <section aria-labelledby="survey-consolidation">
      <h3 id="survey-consolidation">Totaux consolidés {view.year}</h3>
      <p>
        {view.associationsCounted} association(s) comptée(s) ; {view.associationsExcludedAsRepereUsers} écartée(s) parce
        que leurs dossiers sont déjà comptés dans Repère.
      </p>
      {view.note && <p className="fr-text--sm">{view.note}</p>}
      <ProtectedTable table={view.fromRepere} caption={`Personnes comptées dans Repère (${view.year})`} />
      <ProtectedTable table={view.fromSurvey} caption={`Personnes déclarées par l'enquête (${view.year})`} />
    </section>
  );
}
