import { CURRENT_GRID } from "@shared/screening/grid-registry.ts";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { descriptionOf, renderInApp } from "../../test-render.tsx";
import { ScreeningGrid } from "./ScreeningGrid.tsx";
import { emptyScreeningForm } from "./screening-form.ts";

const initial = { ...emptyScreeningForm(new Date("2025-05-01T10:00:00Z")), ageText: "16" };

// jsdom resolves a label by scanning the whole document: over a 50-item grid each label query costs ~0.4 s, so
// helpers reach inputs by name and value; one test still finds the item's fields by their labels.
function itemBox(itemId: string): HTMLElement {
  const box = screen.getByText(`${itemId}.`, { selector: "legend strong" }).closest("fieldset")?.parentElement;
  if (!box) throw new Error(`no box for item ${itemId}`);
  return box;
}

function field<T extends HTMLElement>(box: HTMLElement, selector: string): T {
  const element = box.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

function scoreItem(itemId: string, value: 0 | 1 | 2) {
  fireEvent.click(field(itemBox(itemId), `input[type="radio"][value="${value}"]`));
}

function documentItem(itemId: string) {
  const box = itemBox(itemId);
  fireEvent.change(field(box, "select"), { target: { value: "observed" } });
  fireEvent.change(field(box, 'input[type="date"]'), { target: { value: "2025-04-20" } });
}

const levelTitle = (label: string) => screen.queryByText(label, { selector: ".fr-alert__title" });

const calculate = () => fireEvent.click(screen.getByText("Calculer le niveau de préoccupation"));

// A full grid is a large DOM for jsdom: these tests take a few seconds each, not a sign of a slow page.
describe("ScreeningGrid", { timeout: 90_000 }, () => {
  it("rates a domain 2 from three items at 1 and calls an exploitation domain at 2 a clear concern", async () => {
    renderInApp(<ScreeningGrid grid={CURRENT_GRID} initial={initial} />);

    for (const itemId of ["I1", "I3", "I4"]) {
      scoreItem(itemId, 1);
      documentItem(itemId);
    }
    calculate();

    const heading = await screen.findByText("Résultat du repérage", { selector: "h2" });
    expect(document.activeElement).toBe(heading);
    expect(levelTitle("Préoccupation avérée")).toBeTruthy();
    const domainI = screen.getByText(/^I\. Signes de contrainte/, { selector: "td" }).closest("tr") as HTMLElement;
    expect(within(domainI).getByText("Coté 2")).toBeTruthy();
    expect(within(domainI).getByText(/3 items cotés 1 \(I1, I3, I4\)/)).toBeTruthy();
    // A minor at a clear concern: the CRIP must be told, and the qualification opened.
    expect(screen.getByText("Transmettre une information préoccupante à la CRIP du département.")).toBeTruthy();
    expect(screen.getByText(/^Ouvrir la qualification juridique/)).toBeTruthy();
    expect(screen.getByText("Qualifier les faits").closest("a")?.getAttribute("href")).toBe("/qualification?age=16");
  });

  it("refuses an item at 1 without its source and date, with the message under each field", async () => {
    renderInApp(<ScreeningGrid grid={CURRENT_GRID} initial={initial} />);

    scoreItem("G2", 1);
    calculate();

    const box = within(itemBox("G2"));
    expect((box.getByLabelText("1 — Possible") as HTMLInputElement).checked).toBe(true);
    const source = box.getByLabelText("Source de l'information (item G2)");
    expect(descriptionOf(box.getByLabelText("Date de l'observation ou de l'information (item G2)"))).toContain(
      "Indiquez une date valide",
    );
    expect(source.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(source)).toContain("Indiquez la source de l'information");
    expect(document.activeElement).toBe(source);
    expect(screen.queryByText("Résultat du repérage", { selector: "h2" })).toBeNull();
  });

  it("refuses an override without a written reason, then applies it and hands it to onSave", async () => {
    const onSave = vi.fn();
    renderInApp(<ScreeningGrid grid={CURRENT_GRID} initial={initial} onSave={onSave} />);

    scoreItem("G2", 1);
    documentItem("G2");
    calculate();
    expect(await screen.findByText("Préoccupation possible", { selector: ".fr-alert__title" })).toBeTruthy();

    const overrideForm = screen.getByText(/^Modifier le niveau/, { selector: "h3" }).closest("form") as HTMLElement;
    const apply = within(overrideForm).getByText("Appliquer ce niveau");
    fireEvent.click(field(overrideForm, 'input[value="clear"]'));
    fireEvent.click(apply);

    const reason = field(overrideForm, "textarea");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(reason)).toContain("le motif est obligatoire");
    expect(levelTitle("Préoccupation possible")).toBeTruthy();

    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: "Révélation d'un pair recoupée par l'équipe de nuit." } });
    fireEvent.click(apply);
    expect(levelTitle("Préoccupation avérée")).toBeTruthy();

    fireEvent.click(screen.getByText("Enregistrer sur le dossier"));
    const [submission, result] = onSave.mock.calls[0] ?? [];
    expect(submission).toMatchObject({
      gridVersion: CURRENT_GRID.version,
      mode: "full",
      ageAtScreening: 16,
      answers: [{ itemId: "G2", value: 1, sourceType: "observed", date: "2025-04-20" }],
      override: { level: "clear", reason: "Révélation d'un pair recoupée par l'équipe de nuit." },
    });
    expect(result).toMatchObject({ computedLevel: "possible", level: "clear" });
  });

  it("shows only the brief items in rapid mode, where one positive answer is a possible concern", async () => {
    renderInApp(<ScreeningGrid grid={CURRENT_GRID} initial={initial} />);

    fireEvent.click(screen.getByDisplayValue("brief"));
    expect(screen.queryByText("G2.", { selector: "legend strong" })).toBeNull();
    scoreItem("C1", 1);
    documentItem("C1");
    calculate();

    expect(await screen.findByText("Préoccupation possible", { selector: ".fr-alert__title" })).toBeTruthy();
    expect(screen.getByText(/^Compléter la grille de repérage en mode complet/)).toBeTruthy();
  });
});
