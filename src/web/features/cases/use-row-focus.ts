import { useEffect, useRef, useState } from "react";

type Target = { kind: "row"; key: string } | { kind: "add" };

/**
 * Keeps keyboard users in place in repeatable rows: a new row's first field takes the focus, and after a removal
 * the focus goes back to the "add" button instead of being lost on the page body.
 */
export function useRowFocus() {
  const containerRef = useRef<HTMLElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [target, setTarget] = useState<Target>();

  useEffect(() => {
    if (!target) return;
    if (target.kind === "add") addButtonRef.current?.focus();
    else
      containerRef.current
        ?.querySelector<HTMLElement>(`[data-row-key="${target.key}"] input, [data-row-key="${target.key}"] select`)
        ?.focus();
    setTarget(undefined);
  }, [target]);

  return {
    containerRef,
    addButtonRef,
    focusRow: (key: string) => setTarget({ kind: "row", key }),
    focusAddButton: () => setTarget({ kind: "add" }),
  };
}
