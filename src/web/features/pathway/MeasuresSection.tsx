import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ASE_PLACEMENT_TYPE_LABELS } from "@shared/cases/vocabulary.ts";
import {
  type CreateMeasureInput,
  CreateMeasureInput as CreateMeasureSchema,
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUS_TRANSITIONS,
  MEASURE_STATUSES,
  type MeasureStatus,
  type MeasureView,
  PLACEMENT_TYPES,
} from "@shared/pathway.ts";
import { type FormEvent, useRef, useState } from "react";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import type { Notice } from "../../components/notice.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { formatIsoDate, vocabularyOptions } from "../cases/case-labels.tsx";
import { usePathwayChange } from "./pathway-query.ts";

interface MeasuresProps {
  caseId: string;
  measures: readonly MeasureView[];
  canRecord: boolean;
  canUpdate: boolean;
  onNotice: (notice: Notice) => void;
}

/** Protection measures with their provider, dates and status; each status change is recorded and audited. */
export function MeasuresSection({ caseId, measures, canRecord, canUpdate, onNotice }: MeasuresProps) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="fr-mb-4w" aria-labelledby="measures-title">
      <h3 id="measures-title" className="fr-h5">
        Mesures de protection
      </h3>
      {measures.length === 0 ? (
        <p>Aucune mesure enregistrée.</p>
      ) : (
        <ul className="fr-raw-list">
          {measures.map((m) => (
            <MeasureItem key={m.id} measure={m} canUpdate={canUpdate} onNotice={onNotice} />
          ))}
        </ul>
      )}
      {canRecord &&
        (adding ? (
          <MeasureForm
            caseId={caseId}
            onCancel={() => setAdding(false)}
            onDone={(notice) => {
              setAdding(false);
              onNotice(notice);
            }}
          />
        ) : (
          <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
            Ajouter une mesure
          </Button>
        ))}
    </section>
  );
}

function measurePeriod(m: MeasureView): string {
  if (m.startOn && m.endOn) return `du ${formatIsoDate(m.startOn)} au ${formatIsoDate(m.endOn)}`;
  if (m.startOn) return `depuis le ${formatIsoDate(m.startOn)}`;
  if (m.endOn) return `jusqu'au ${formatIsoDate(m.endOn)}`;
  return "dates non renseignées";
}

function MeasureItem({
  measure,
  canUpdate,
  onNotice,
}: {
  measure: MeasureView;
  canUpdate: boolean;
  onNotice: (notice: Notice) => void;
}) {
  const [status, setStatus] = useState("");
  const { mutation, errors } = usePathwayChange(
    (next: MeasureStatus) => pathwayApi.updateMeasure(measure.id, { version: measure.version, status: next }),
    () => {
      setStatus("");
      onNotice({ severity: "success", text: `Mesure « ${MEASURE_KIND_LABELS[measure.kind]} » mise à jour.` });
    },
  );
  const nextStatuses = MEASURE_STATUS_TRANSITIONS[measure.status];
  const provider = measure.providerOrganisation?.name ?? measure.providerName;
  const selectId = `measure-status-${measure.id}`;
  return (
    <li className="fr-mb-2w fr-p-2w fr-background-alt--grey">
      <p className="fr-mb-1w">
        <strong>{MEASURE_KIND_LABELS[measure.kind]}</strong> — {MEASURE_STATUS_LABELS[measure.status]},{" "}
        {measurePeriod(measure)}
        {provider && <> — {provider}</>}
      </p>
      {measure.placement && (
        <p className="fr-text--sm fr-mb-1w">
          {ASE_PLACEMENT_TYPE_LABELS[measure.placement.type as keyof typeof ASE_PLACEMENT_TYPE_LABELS]}
          {measure.placement.isSecure && ", sécurisé"}
          {measure.placement.isDistant && ", éloigné"}
        </p>
      )}
      {canUpdate && nextStatuses.length > 0 && (
        <form
          className="fr-grid-row fr-grid-row--bottom fr-grid-row--gutters"
          onSubmit={(event) => {
            event.preventDefault();
            if (status) mutation.mutate(status as MeasureStatus);
          }}
        >
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="Nouveau statut"
              {...(errors.title ? { state: "error" as const, stateRelatedMessage: errors.title } : {})}
              nativeSelectProps={{ id: selectId, value: status, onChange: (event) => setStatus(event.target.value) }}
            >
              <option value="" disabled>
                Choisir
              </option>
              {nextStatuses.map((s) => (
                <option key={s} value={s}>
                  {MEASURE_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Button type="submit" priority="tertiary" size="small" disabled={!status || mutation.isPending}>
              Changer le statut
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}

function MeasureForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId: string;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("planned");
  const [providerName, setProviderName] = useState("");
  const [startOn, setStartOn] = useState("");
  const [endOn, setEndOn] = useState("");
  const [placementType, setPlacementType] = useState("");
  const [isSecure, setIsSecure] = useState(false);
  const [isDistant, setIsDistant] = useState(false);
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: CreateMeasureInput) => pathwayApi.recordMeasure(caseId, input),
    (measure) => onDone({ severity: "success", text: `Mesure « ${MEASURE_KIND_LABELS[measure.kind]} » enregistrée.` }),
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateMeasureSchema.safeParse({
      kind,
      status,
      providerName: providerName.trim() || null,
      startOn: startOn || null,
      endOn: endOn || null,
      placement: kind === "placement" ? { type: placementType, isSecure, isDistant } : null,
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Nouvelle mesure de protection</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Mesure"
            {...fieldStateAt(errors, "kind")}
            nativeSelectProps={{
              name: "kind",
              value: kind,
              onChange: (event) => setKind(event.target.value),
              "aria-invalid": invalidAt(errors, "kind"),
            }}
          >
            <option value="" disabled>
              Choisir une mesure
            </option>
            {vocabularyOptions(MEASURE_KINDS, MEASURE_KIND_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Statut"
            nativeSelectProps={{ name: "status", value: status, onChange: (event) => setStatus(event.target.value) }}
          >
            {vocabularyOptions(MEASURE_STATUSES, MEASURE_STATUS_LABELS)}
          </Select>
        </div>
        {kind === "placement" && (
          <>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <Select
                label="Type de placement"
                {...fieldStateAt(errors, "placement")}
                nativeSelectProps={{
                  name: "placementType",
                  value: placementType,
                  onChange: (event) => setPlacementType(event.target.value),
                  "aria-invalid": invalidAt(errors, "placement"),
                }}
              >
                <option value="" disabled>
                  Choisir
                </option>
                {vocabularyOptions(PLACEMENT_TYPES, ASE_PLACEMENT_TYPE_LABELS)}
              </Select>
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <Checkbox
                options={[
                  {
                    label: "Placement sécurisé",
                    nativeInputProps: { checked: isSecure, onChange: (event) => setIsSecure(event.target.checked) },
                  },
                  {
                    label: "Placement éloigné des exploiteurs",
                    nativeInputProps: { checked: isDistant, onChange: (event) => setIsDistant(event.target.checked) },
                  },
                ]}
              />
            </div>
          </>
        )}
        <div className="fr-fieldset__element">
          <Input
            label="Prestataire (facultatif)"
            hintText="Structure ou professionnel qui met en œuvre la mesure, jamais le nom du ou de la jeune."
            {...fieldStateAt(errors, "providerName")}
            nativeInputProps={{
              name: "providerName",
              value: providerName,
              maxLength: 200,
              onChange: (event) => setProviderName(event.target.value),
              "aria-invalid": invalidAt(errors, "providerName"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Input
            label="Début (facultatif)"
            {...fieldStateAt(errors, "startOn")}
            nativeInputProps={{
              type: "date",
              name: "startOn",
              value: startOn,
              onChange: (event) => setStartOn(event.target.value),
              "aria-invalid": invalidAt(errors, "startOn"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Input
            label="Fin (facultatif)"
            {...fieldStateAt(errors, "endOn")}
            nativeInputProps={{
              type: "date",
              name: "endOn",
              value: endOn,
              onChange: (event) => setEndOn(event.target.value),
              "aria-invalid": invalidAt(errors, "endOn"),
            }}
          />
        </div>
        <FormButtons submit="Enregistrer la mesure" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}
