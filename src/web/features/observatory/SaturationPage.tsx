import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  SATURATION_INDICATOR_LABELS,
  SATURATION_INDICATORS,
  type SaturationIndicator,
  type SaturationQuery,
  type SaturationView,
  VICTIM_STATUS_BASES,
  VICTIM_STATUS_BASIS_LABELS,
  type VictimStatusBasis,
} from "@shared/observatory.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { observatoryApi } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { CorrelationTable } from "./CorrelationTable.tsx";
import { ChartFigure } from "./charts/ChartFigure.tsx";
import { asAttribute } from "./charts/chart-data.ts";
import { currentYear, yearOptions } from "./dashboard-filters.ts";
import { problemText } from "./problem-text.ts";
import { ReferenceImportForm } from "./ReferenceImportForm.tsx";
import { SaturationPointsTable } from "./SaturationPointsTable.tsx";
import { TableNotes } from "./TableNotes.tsx";

function SaturationScatter({ view }: { view: SaturationView }) {
  if (view.points.length === 0) return null;
  const x = asAttribute([view.points.map((point) => point.exposure)]);
  const y = asAttribute([view.points.map((point) => point.saturation)]);
  return <scatter-chart key={x + y} x={x} y={y} name={asAttribute([view.indicatorLabel])} />;
}

function SaturationResult({ query }: { query: SaturationQuery }) {
  const saturation = useQuery({
    queryKey: ["observatory", "saturation", query],
    queryFn: () => observatoryApi.getSaturation(query),
  });
  if (saturation.error) return <Alert severity="warning" small description={problemText(saturation.error)} />;
  if (!saturation.data) return <LoadingMessage />;
  const view = saturation.data;
  return (
    <>
      <ChartFigure
        headingLevel="h2"
        title={`${view.indicatorLabel} selon l'exposition (${view.query.year})`}
        emptyText="Aucun département n'a d'effectif publiable pour cette année."
        chart={() => SaturationScatter({ view })}
      >
        <p className="fr-text--sm">
          Axe horizontal : {view.exposureLabel}. Axe vertical : {view.indicatorLabel}.
        </p>
        <SaturationPointsTable view={view} />
        {view.excluded.length > 0 && (
          <>
            <p className="fr-text--sm fr-mb-1w">Unités écartées :</p>
            <ul className="fr-text--sm">
              {view.excluded.map((unit) => (
                <li key={unit.code}>
                  {unit.label} : {unit.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </ChartFigure>
      <CorrelationTable results={[view.spearman, view.pearson]} />
      {[view.spearman.caveat, view.pearson.caveat]
        .filter((caveat): caveat is string => caveat !== null)
        .filter((caveat, index, all) => all.indexOf(caveat) === index)
        .map((caveat) => (
          <Alert key={caveat} severity="warning" small description={caveat} className="fr-mb-2w" />
        ))}
      <TableNotes note={view.note} isSynthetic={view.isSynthetic} syntheticLabel={view.syntheticLabel} />
    </>
  );
}

export default function SaturationPage() {
  const session = useActiveSession();
  const [year, setYear] = useState(currentYear() - 1);
  const [basis, setBasis] = useState<VictimStatusBasis>();
  const [indicator, setIndicator] = useState<SaturationIndicator>("ase_rate_per_1000_under_21");
  const [basisError, setBasisError] = useState(false);
  const [query, setQuery] = useState<SaturationQuery>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBasisError(!basis);
    if (basis) setQuery({ year, basis, indicator });
  }

  return (
    <>
      <title>Exposition et saturation — Observatoire — Repère</title>
      <Breadcrumb
        currentPageLabel="Exposition et saturation"
        homeLinkProps={{ to: PATHS.home }}
        segments={[{ label: "Observatoire", linkProps: { to: PATHS.observatory } }]}
      />
      <h1>Exposition et saturation de la protection de l'enfance</h1>
      <p>
        Chaque point est un département (ou un groupe de départements) : les victimes repérées pour 10 000 mineurs, face
        à un indicateur de la protection de l'enfance. Une corrélation ne dit pas qu'un facteur cause l'autre.
      </p>
      {canDo(session, "observatory.read") && (
        <>
          <form onSubmit={handleSubmit} noValidate className="fr-p-3w fr-mb-4w fr-background-alt--grey">
            <RadioButtons
              legend="Statut de victime compté"
              hintText="Obligatoire."
              name="basis"
              state={basisError ? "error" : "default"}
              stateRelatedMessage={basisError ? "Choisissez le statut de victime compté." : undefined}
              options={VICTIM_STATUS_BASES.map((option) => ({
                label: VICTIM_STATUS_BASIS_LABELS[option],
                nativeInputProps: { value: option, checked: basis === option, onChange: () => setBasis(option) },
              }))}
            />
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label="Année"
                  nativeSelectProps={{ value: String(year), onChange: (event) => setYear(Number(event.target.value)) }}
                >
                  {yearOptions().map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="fr-col-12 fr-col-md-9">
                <Select
                  label="Indicateur de saturation"
                  nativeSelectProps={{
                    value: indicator,
                    onChange: (event) => setIndicator(event.target.value as SaturationIndicator),
                  }}
                >
                  {SATURATION_INDICATORS.map((option) => (
                    <option key={option} value={option}>
                      {SATURATION_INDICATOR_LABELS[option]}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
            <Button type="submit">Afficher</Button>
          </form>
          {query && <SaturationResult query={query} />}
        </>
      )}
      {canDo(session, "observatory.import_reference") && <ReferenceImportForm />}
    </>
  );
}
