import { Button } from "@codegouvfr/react-dsfr/Button";

interface FormButtonsProps {
  /** The submit button's label. */
  submit: string;
  /** Disables the submit button while the write is in flight. */
  pending: boolean;
  onCancel: () => void;
  /** Wraps the buttons in a `fr-fieldset__element`, as a row of a DSFR `fr-fieldset` must be; true by default. */
  inFieldset?: boolean;
  /** Small buttons, for forms opened inline in a panel. */
  small?: boolean;
}

/** A form's submit and "Annuler" buttons, the submit disabled while the write is in flight. */
export function FormButtons({ submit, pending, onCancel, inFieldset = true, small = false }: FormButtonsProps) {
  const buttons = (
    <ul className={`fr-btns-group fr-btns-group--inline-md${small ? " fr-btns-group--sm" : ""}`}>
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
  );
  return inFieldset ? <div className="fr-fieldset__element">{buttons}</div> : buttons;
}
