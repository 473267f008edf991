import { Button } from "@codegouvfr/react-dsfr/Button";

/** A pathway form's submit and cancel buttons, the submit disabled while the write is in flight. */
export function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  return (
    <div className="fr-fieldset__element">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={pending}>
            {submit}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </div>
  );
}
