import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { PATHS } from "../../../paths.ts";
import { canDo, useActiveSession } from "../../../session.ts";
import { AssociationSurvey } from "./AssociationSurvey.tsx";
import { SurveyCampaignsAdmin } from "./SurveyCampaignsAdmin.tsx";

export default function SurveyPage() {
  const session = useActiveSession();
  const manages = canDo(session, "survey.manage");
  return (
    <>
      <title>Enquête annuelle — Repère</title>
      <Breadcrumb
        currentPageLabel="Enquête annuelle"
        homeLinkProps={{ to: PATHS.home }}
        segments={manages ? [{ label: "Observatoire", linkProps: { to: PATHS.observatory } }] : []}
      />
      <h1>Enquête annuelle auprès des associations</h1>
      <p>
        Chaque année, les associations qui accompagnent des victimes déclarent des chiffres agrégés et anonymes.
        L'observatoire les ajoute aux personnes comptées dans Repère, sans compter deux fois une association qui y suit
        déjà ses dossiers.
      </p>
      {manages && <SurveyCampaignsAdmin />}
      {!manages && canDo(session, "survey.respond") && <AssociationSurvey />}
      {!manages && !canDo(session, "survey.respond") && <p>Votre rôle ne donne pas accès à l'enquête.</p>}
    </>
  );
}
