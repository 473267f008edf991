import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  CASE_SECTION_LABELS,
  CASE_SECTIONS,
  type CaseSection,
  CreateShareInput,
  PARENTAL_NOT_INFORMED_REASON_LABELS,
  PARENTAL_NOT_INFORMED_REASONS,
  SHARE_LEGAL_BASES,
  SHARE_LEGAL_BASIS_LABELS,
  SHARE_PURPOSE_LABELS,
  SHARE_PURPOSES,
} from "@shared/cases.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, directoryApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { errorAt, fieldStateAt, invalidAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "./case-form-errors.ts";
import { vocabularyOptions } from "./case-labels.tsx";
import { caseSharesQueryKey } from "./cases-query.ts";
import { OrganisationPicker } from "./OrganisationPicker.tsx";

interface ShareDraft {
  recipientKind: "organisation" | "user";
  organisationId: string;
  userId: string;
  purpose: string;
  legalBasis: string;
  sections: CaseSection[];
  expiresOn: string;
  parentalInformed: "" | "yes" | "no";
  parentalNotInformedReason: string;
}

const EMPTY: ShareDraft = {
  recipientKind: "organisation",
  organisationId: "",
  userId: "",
  purpose: "",
  legalBasis: "",
  sections: [],
  expiresOn: "",
  parentalInformed: "",
  parentalNotInformedReason: "",
};

interface ShareFormProps {
  caseId: string;
  /** The case's own organisation, never a recipient. */
  ownerOrganisationId: string;
  onShared: () => void;
  onCancel: () => void;
}

/** Need-to-know sharing: who, why, on what legal basis, which sections, until when. */
export function ShareForm({ caseId, ownerOrganisationId, onShared, onCancel }: ShareFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ShareDraft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof ShareDraft>(key: K, value: ShareDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const isSharedSecrecy = draft.legalBasis === "shared_professional_secrecy";
  const wantsPerson = draft.recipientKind === "user";
  const members = useQuery({
    queryKey: ["directory", "members", draft.organisationId],
    queryFn: () => directoryApi.listMembers(draft.organisationId),
    enabled: wantsPerson && draft.organisationId !== "",
  });

  useEffect(() => formRef.current?.querySelector<HTMLElement>("legend")?.focus(), []);

  const share = useMutation({
    mutationFn: (input: CreateShareInput) => api.shareCase(caseId, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseSharesQueryKey(caseId) });
      onShared();
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const informed = isSharedSecrecy && draft.parentalInformed !== "" ? draft.parentalInformed === "yes" : null;
    const parsed = CreateShareInput.safeParse({
      organisationId: wantsPerson ? null : draft.organisationId || null,
      userId: wantsPerson ? draft.userId || null : null,
      purpose: draft.purpose,
      legalBasis: draft.legalBasis,
      sections: draft.sections,
      expiresOn: draft.expiresOn,
      parentalAuthorityInformed: informed,
      parentalNotInformedReason: informed === false ? draft.parentalNotInformedReason || null : null,
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    share.mutate(parsed.data);
  }

  // The schema reports a missing recipient on organisationId whichever kind was chosen.
  const recipientError = errorAt(errors, "organisationId") ?? errorAt(errors, "userId");
  const sectionsError = errorAt(errors, "sections");
  const informedError = errorAt(errors, "parentalAuthorityInformed");

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-mb-4w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend" tabIndex={-1}>
          <span className="fr-h5">Partager le dossier</span>
        </legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
          <RadioButtons
            legend="Destinataire"
            orientation="horizontal"
            options={[
              { label: "Une organisation", value: "organisation" as const },
              { label: "Une personne", value: "user" as const },
            ].map((option) => ({
              label: option.label,
              nativeInputProps: {
                value: option.value,
                checked: draft.recipientKind === option.value,
                onChange: () => set("recipientKind", option.value),
              },
            }))}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-8">
          <OrganisationPicker
            label={wantsPerson ? "Organisation de la personne" : "Organisation destinataire"}
            name="organisationId"
            value={draft.organisationId}
            excludeId={ownerOrganisationId}
            onChange={(id) => setDraft((d) => ({ ...d, organisationId: id, userId: "" }))}
            error={wantsPerson && draft.organisationId ? undefined : recipientError}
          />
        </div>
        {wantsPerson && draft.organisationId !== "" && (
          <div className="fr-fieldset__element fr-col-12 fr-col-md-8">
            <Select
              label="Personne destinataire"
              hint={
                members.isError
                  ? "La liste des personnes est indisponible pour le moment."
                  : members.data?.length === 0
                    ? "Personne dans cette organisation ne peut recevoir un partage : partagez avec l'organisation."
                    : undefined
              }
              {...(recipientError ? { state: "error" as const, stateRelatedMessage: recipientError } : {})}
              nativeSelectProps={{
                name: "userId",
                value: draft.userId,
                onChange: (event) => set("userId", event.target.value),
                "aria-invalid": recipientError !== undefined,
              }}
            >
              <option value="" disabled>
                Choisir une personne
              </option>
              {(members.data ?? []).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.displayName}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Finalité"
            {...fieldStateAt(errors, "purpose")}
            nativeSelectProps={{
              name: "purpose",
              value: draft.purpose,
              onChange: (event) => set("purpose", event.target.value),
              "aria-invalid": invalidAt(errors, "purpose"),
            }}
          >
            <option value="" disabled>
              Choisir une finalité
            </option>
            {vocabularyOptions(SHARE_PURPOSES, SHARE_PURPOSE_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Fondement juridique"
            {...fieldStateAt(errors, "legalBasis")}
            nativeSelectProps={{
              name: "legalBasis",
              value: draft.legalBasis,
              onChange: (event) => set("legalBasis", event.target.value),
              "aria-invalid": invalidAt(errors, "legalBasis"),
            }}
          >
            <option value="" disabled>
              Choisir un fondement
            </option>
            {vocabularyOptions(SHARE_LEGAL_BASES, SHARE_LEGAL_BASIS_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            legend="Rubriques partagées"
            hintText="Seulement ce dont le destinataire a besoin."
            orientation="horizontal"
            state={sectionsError ? "error" : "default"}
            stateRelatedMessage={sectionsError}
            options={CASE_SECTIONS.map((section) => ({
              label: CASE_SECTION_LABELS[section],
              nativeInputProps: {
                name: "sections",
                value: section,
                checked: draft.sections.includes(section),
                "aria-invalid": sectionsError !== undefined,
                onChange: (event) =>
                  set(
                    "sections",
                    event.target.checked
                      ? [...draft.sections, section]
                      : draft.sections.filter((value) => value !== section),
                  ),
              },
            }))}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Fin du partage"
            hintText="Dans l'année à venir au plus."
            {...fieldStateAt(errors, "expiresOn")}
            nativeInputProps={{
              type: "date",
              name: "expiresOn",
              value: draft.expiresOn,
              onChange: (event) => set("expiresOn", event.target.value),
              "aria-invalid": invalidAt(errors, "expiresOn"),
            }}
          />
        </div>
        {isSharedSecrecy && (
          <div className="fr-fieldset__element">
            <RadioButtons
              legend="Les titulaires de l'autorité parentale ont-ils été informés ?"
              hintText="Le secret partagé (CASF L226-2-2) demande de les informer, sauf si c'est contraire à l'intérêt de l'enfant."
              orientation="horizontal"
              state={informedError ? "error" : "default"}
              stateRelatedMessage={informedError}
              options={[
                { label: "Oui", value: "yes" as const },
                { label: "Non", value: "no" as const },
              ].map((option) => ({
                label: option.label,
                nativeInputProps: {
                  name: "parentalAuthorityInformed",
                  value: option.value,
                  checked: draft.parentalInformed === option.value,
                  "aria-invalid": informedError !== undefined,
                  onChange: () => set("parentalInformed", option.value),
                },
              }))}
            />
          </div>
        )}
        {isSharedSecrecy && draft.parentalInformed === "no" && (
          <div className="fr-fieldset__element fr-col-12 fr-col-md-8">
            <Select
              label="Pourquoi ne pas les avoir informés ?"
              {...fieldStateAt(errors, "parentalNotInformedReason")}
              nativeSelectProps={{
                name: "parentalNotInformedReason",
                value: draft.parentalNotInformedReason,
                onChange: (event) => set("parentalNotInformedReason", event.target.value),
                "aria-invalid": invalidAt(errors, "parentalNotInformedReason"),
              }}
            >
              <option value="" disabled>
                Choisir un motif
              </option>
              {vocabularyOptions(PARENTAL_NOT_INFORMED_REASONS, PARENTAL_NOT_INFORMED_REASON_LABELS)}
            </Select>
          </div>
        )}
        <FormButtons submit="Partager" pending={share.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}
