import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { CreateSurveyCampaignInput } from "@shared/observatory.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { observatoryApi } from "../../../api.ts";
import { FormErrorAlert } from "../../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "../../../components/form-errors.ts";
import { surveyCampaignsKey } from "./survey-query.ts";

export function CreateCampaignForm({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [opensOn, setOpensOn] = useState("");
  const [closesOn, setClosesOn] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const create = useMutation({
    mutationFn: observatoryApi.createSurveyCampaign,
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: surveyCampaignsKey });
      onCreated(campaign.id);
    },
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CreateSurveyCampaignInput.safeParse({ year, opensOn, closesOn });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data);
  }

  const field = (name: string, label: string, value: string, set: (value: string) => void, type: "number" | "date") => (
    <div className="fr-col-12 fr-col-md-4">
      <Input
        label={label}
        {...fieldState(errors, name)}
        nativeInputProps={{
          name,
          type,
          value,
          onChange: (event) => set(event.target.value),
          "aria-invalid": isInvalid(errors, name),
        }}
      />
    </div>
  );

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-mb-4w fr-background-alt--grey">
      <h2 className="fr-h4">Ouvrir une campagne</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <div className="fr-grid-row fr-grid-row--gutters">
        {field("year", "Année enquêtée", year, setYear, "number")}
        {field("opensOn", "Ouverture", opensOn, setOpensOn, "date")}
        {field("closesOn", "Clôture", closesOn, setClosesOn, "date")}
      </div>
      <Button type="submit" className="fr-mt-2w" disabled={create.isPending}>
        Ouvrir la campagne
      </Button>
    </form>
  );
}
