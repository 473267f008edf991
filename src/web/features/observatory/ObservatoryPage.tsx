import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Link, Navigate, useSearchParams } from "react-router";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { ObservatoryDashboard } from "./ObservatoryDashboard.tsx";
import { observatoryPaths, ownObservatoryDepartment } from "./observatory-paths.ts";

export default function ObservatoryPage() {
  const session = useActiveSession();
  const [search] = useSearchParams();
  // An ASE manager's observatory is their département's: the national title and map would misstate what they see.
  const ownDepartment = ownObservatoryDepartment(session);
  if (ownDepartment) {
    return (
      <Navigate replace to={{ pathname: observatoryPaths.department([ownDepartment]), search: search.toString() }} />
    );
  }
  return (
    <>
      <title>Observatoire national — Repère</title>
      <Breadcrumb currentPageLabel="Observatoire" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Observatoire national</h1>
      <p>
        Personnes repérées comme victimes de traite, comptées une fois chacune, après contrôle du secret statistique :
        les petits effectifs sont masqués.
      </p>
      <ul className="fr-links-group fr-mb-4w">
        {canDo(session, "observatory.read") && (
          <li>
            <Link className="fr-link" to={PATHS.observatorySaturation}>
              Exposition et saturation de la protection de l'enfance
            </Link>
          </li>
        )}
        {canDo(session, "survey.manage") && (
          <li>
            <Link className="fr-link" to={PATHS.observatorySurvey}>
              Enquête annuelle auprès des associations
            </Link>
          </li>
        )}
      </ul>
      <ObservatoryDashboard />
    </>
  );
}
