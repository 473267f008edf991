import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { CaseView } from "@shared/cases.ts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { pathwayApi } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import type { Notice } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { DeadlinesTable } from "./DeadlinesTable.tsx";
import { MeasuresSection } from "./MeasuresSection.tsx";
import { PlanSection } from "./PlanSection.tsx";
import { casePathwayQueryKey } from "./pathway-query.ts";
import { ReviewsSection } from "./ReviewsSection.tsx";
import { TrackPanel } from "./TrackPanel.tsx";
import { TransfersSection } from "./TransfersSection.tsx";
import { toZonedInput } from "./zoned-input.ts";

/**
 * The case's protection pathway: each track with its state and what is due next, every deadline with its clock,
 * the measures and the plan, the multi-agency reviews and the transfers.
 */
export function CasePathwayTab({ caseFile, onNotice }: { caseFile: CaseView; onNotice: (notice: Notice) => void }) {
  const pathway = useQuery({
    queryKey: casePathwayQueryKey(caseFile.id),
    queryFn: () => pathwayApi.getPathway(caseFile.id),
  });
  if (pathway.isPending) return <LoadingMessage />;
  if (!pathway.data) {
    return (
      <Alert severity="error" small role="alert" description={pathway.error?.message ?? "Parcours indisponible."} />
    );
  }
  const view = pathway.data;
  const isOpen = caseFile.status === "open";
  const may = (action: (typeof view.can)[number]) => isOpen && view.can.includes(action);
  const today = toZonedInput(new Date(), view.timeZone).slice(0, 10);

  return (
    <>
      <h2 className="fr-h4">Parcours de protection</h2>
      {!isOpen && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description="Le dossier est clos : le parcours est consultable mais aucune étape ne peut être enregistrée."
        />
      )}
      {view.tracks.map((track) => (
        <TrackPanel
          key={track.track}
          pathway={view}
          track={track}
          canWrite={may("pathway.transition")}
          onNotice={onNotice}
        />
      ))}
      <section className="fr-mb-4w" aria-labelledby="deadlines-title">
        <h3 id="deadlines-title" className="fr-h5">
          Échéances
        </h3>
        <DeadlinesTable deadlines={view.deadlines} timeZone={view.timeZone} />
        <p className="fr-text--sm">
          <Link to={PATHS.deadlineRules}>Délais du parcours appliqués dans votre département</Link>
        </p>
      </section>
      <MeasuresSection
        caseId={view.caseId}
        measures={view.measures}
        canRecord={may("pathway.record_measure")}
        canUpdate={may("pathway.update_measure")}
        onNotice={onNotice}
      />
      <PlanSection
        caseId={view.caseId}
        plan={view.plan}
        canAdopt={may("pathway.adopt_plan")}
        canReview={may("pathway.review_plan")}
        today={today}
        onNotice={onNotice}
      />
      <ReviewsSection pathway={view} canCreate={may("pathway.create_review")} />
      <TransfersSection
        pathway={view}
        ownerOrganisationId={caseFile.ownerOrganisation.id}
        canRequest={may("pathway.request_transfer")}
      />
    </>
  );
}
