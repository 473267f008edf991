import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { departmentLabel } from "@shared/departments.ts";
import { useParams } from "react-router";
import { PATHS } from "../../paths.ts";
import { useActiveSession } from "../../session.ts";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
import { ObservatoryDashboard } from "./ObservatoryDashboard.tsx";
import { departmentsOfCode, ownObservatoryDepartment } from "./observatory-paths.ts";

export default function DepartmentDashboardPage() {
  const session = useActiveSession();
  const { code } = useParams();
  const departments = departmentsOfCode(code);
  if (!departments) return <NotFoundPage />;
  const name = departments.map(departmentLabel).join(", ");
  const title = departments.length > 1 ? `Groupe de départements : ${name}` : name;

  return (
    <>
      <title>{`${title} — Observatoire — Repère`}</title>
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ to: PATHS.home }}
        // For a département's own reader this page is the observatory: there is no national page above it.
        segments={
          ownObservatoryDepartment(session) ? [] : [{ label: "Observatoire", linkProps: { to: PATHS.observatory } }]
        }
      />
      <h1>{title}</h1>
      {departments.length > 1 && (
        <p>Ces départements sont regroupés : séparément, leurs effectifs seraient trop petits pour être publiés.</p>
      )}
      <ObservatoryDashboard departments={departments} />
    </>
  );
}
