import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  type RequestTransferInput,
  RequestTransferInput as RequestTransferSchema,
  TRANSFER_RECEIVING_TYPES,
} from "@shared/pathway.ts";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { errorAt, fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { OrganisationPicker } from "../cases/OrganisationPicker.tsx";
import { transferPath } from "./pathway-paths.ts";
import { usePathwayChange } from "./pathway-query.ts";

interface ContactDraft {
  key: number;
  name: string;
  role: string;
  phone: string;
  email: string;
}

let nextContactKey = 0;
const emptyContact = (): ContactDraft => ({ key: nextContactKey++, name: "", role: "", phone: "", email: "" });

/**
 * Asks another département's ASE or CRIP to take the case over: a summary and the professionals to call. Repère adds
 * the open measures, deadlines and track states itself; the receiving side has a deadline to answer.
 */
export function RequestTransferForm({
  caseId,
  ownerOrganisationId,
  onCancel,
}: {
  caseId: string;
  ownerOrganisationId: string;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [toOrganisationId, setToOrganisationId] = useState("");
  const [summary, setSummary] = useState("");
  const [contacts, setContacts] = useState<ContactDraft[]>(() => [emptyContact()]);
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: RequestTransferInput) => pathwayApi.requestTransfer(caseId, input),
    (transfer) => navigate(transferPath(transfer.id)),
  );
  const update = (key: number, patch: Partial<ContactDraft>) =>
    setContacts((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = RequestTransferSchema.safeParse({
      toOrganisationId,
      summary,
      contacts: contacts
        .filter((c) => c.name.trim() || c.role.trim())
        .map((c) => ({
          name: c.name,
          role: c.role,
          phone: c.phone.trim() || undefined,
          email: c.email.trim() || undefined,
        })),
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
        <legend className="fr-fieldset__legend">Demander le transfert vers un autre département</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
          <OrganisationPicker
            label="Service destinataire (ASE ou CRIP)"
            name="toOrganisationId"
            value={toOrganisationId}
            types={TRANSFER_RECEIVING_TYPES}
            excludeId={ownerOrganisationId}
            onChange={setToOrganisationId}
            error={errorAt(errors, "toOrganisationId")}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            textArea
            label="Synthèse pour l'équipe qui reprend le suivi"
            hintText="Situation, risques, ce qui fonctionne. Les mesures, échéances et étapes en cours sont jointes par Repère."
            {...fieldStateAt(errors, "summary")}
            nativeTextAreaProps={{
              name: "summary",
              value: summary,
              rows: 6,
              maxLength: 10000,
              onChange: (event) => setSummary(event.target.value),
              "aria-invalid": invalidAt(errors, "summary"),
            }}
          />
        </div>
        {contacts.map((c, index) => (
          <div key={c.key} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label={`Contact ${index + 1} : nom`}
                {...fieldStateAt(errors, `contacts.${index}.name`)}
                nativeInputProps={{ value: c.name, onChange: (e) => update(c.key, { name: e.target.value }) }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label="Fonction"
                {...fieldStateAt(errors, `contacts.${index}.role`)}
                nativeInputProps={{ value: c.role, onChange: (e) => update(c.key, { role: e.target.value }) }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label="Téléphone (facultatif)"
                nativeInputProps={{
                  type: "tel",
                  value: c.phone,
                  onChange: (e) => update(c.key, { phone: e.target.value }),
                }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label="Courriel (facultatif)"
                {...fieldStateAt(errors, `contacts.${index}.email`)}
                nativeInputProps={{
                  type: "email",
                  value: c.email,
                  onChange: (e) => update(c.key, { email: e.target.value }),
                }}
              />
            </div>
          </div>
        ))}
        <div className="fr-fieldset__element">
          <Button
            type="button"
            priority="tertiary"
            size="small"
            onClick={() => setContacts((list) => [...list, emptyContact()])}
          >
            Ajouter un contact
          </Button>
        </div>
        <FormButtons submit="Demander le transfert" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}
