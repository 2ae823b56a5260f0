// A setting that is on or off: a bordered card holding the checkbox, its label and a hint (the study log's and the
// study board's switches).
import { useId, type ReactNode } from "react";

export interface CheckboxCardProps {
  name: string;
  defaultChecked: boolean;
  label: ReactNode;
  hint: ReactNode;
  testId?: string;
}

export function CheckboxCard({ name, defaultChecked, label, hint, testId }: CheckboxCardProps) {
  const hintId = useId();
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-3 hover:bg-sunken has-checked:border-accent">
      <input
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        aria-describedby={hintId}
        data-testid={testId}
        className="mt-0.5 size-4 accent-accent"
      />
      <span className="flex flex-col text-sm font-medium text-ink">
        {label}
        <span id={hintId} className="font-normal text-ink-muted">
          {hint}
        </span>
      </span>
    </label>
  );
}
