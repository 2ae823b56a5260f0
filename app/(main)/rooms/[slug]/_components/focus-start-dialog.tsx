"use client";
// Starting a focus session: presets (25/5 × 4, 50/10 × 2) or custom lengths. Lengths are in minutes; on a server
// that allows phases under a minute (the browser tests', FOCUS_MIN_PHASE_SECONDS) the custom fields take seconds.
import { useId, useState } from "react";
import { FocusDialog } from "@/components/focus/focus-dialog";
import { textInputClasses } from "@/components/ui/text-field";
import type { FocusState } from "@/lib/realtime/event-schemas";
import type { FocusLengths } from "./use-room-focus";

type Limits = FocusState["limits"];

const PRESETS = [
  {
    id: "25-5-4",
    label: "25 min focus, 5 min break × 4",
    lengths: { focusSeconds: 1500, breakSeconds: 300, rounds: 4 },
  },
  {
    id: "50-10-2",
    label: "50 min focus, 10 min break × 2",
    lengths: { focusSeconds: 3000, breakSeconds: 600, rounds: 2 },
  },
] as const;

export interface FocusStartDialogProps {
  open: boolean;
  onClose: () => void;
  limits: Limits | null;
  pending: boolean;
  onStart: (lengths: FocusLengths) => void;
}

function NumberField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  min: number;
  max: number;
  name: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={textInputClasses(false, "mt-1")}
      />
    </div>
  );
}

export function FocusStartDialog({ open, onClose, limits, pending, onStart }: FocusStartDialogProps) {
  const [choice, setChoice] = useState<string>(PRESETS[0].id);
  const unit = (limits?.stepSeconds ?? 60) >= 60 ? 60 : 1;
  const unitName = unit === 60 ? "minutes" : "seconds";
  const [focus, setFocus] = useState("25");
  const [rest, setRest] = useState("5");
  const [rounds, setRounds] = useState("4");
  const groupName = useId();

  const submit = () => {
    const preset = PRESETS.find((p) => p.id === choice);
    onStart(
      preset?.lengths ?? {
        focusSeconds: Math.round(Number(focus) * unit),
        breakSeconds: Math.round(Number(rest) * unit),
        rounds: Math.round(Number(rounds)),
      },
    );
  };
  const options = [...PRESETS.map(({ id, label }) => ({ id, label })), { id: "custom", label: "Custom" }];
  return (
    <FocusDialog
      open={open}
      onClose={onClose}
      onSubmit={submit}
      title="Start a focus session"
      description="Everyone in the room sees the timer and may join. The room stays open: members choose to hold messages."
      submitLabel="Start"
      pending={pending}
      data-testid="focus-start-dialog"
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">Length</legend>
        {options.map((option, i) => (
          <label key={option.id} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="radio"
              name={groupName}
              value={option.id}
              checked={choice === option.id}
              onChange={() => setChoice(option.id)}
              data-autofocus={i === 0 ? "" : undefined}
              className="size-4 accent-accent"
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {choice === "custom" ? (
        <div className="grid grid-cols-3 gap-3" data-testid="focus-custom">
          <NumberField
            name="focus"
            label={`Focus (${unitName})`}
            value={focus}
            onChange={setFocus}
            min={(limits?.minFocusSeconds ?? 300) / unit}
            max={(limits?.maxFocusSeconds ?? 10800) / unit}
          />
          <NumberField
            name="break"
            label={`Break (${unitName})`}
            value={rest}
            onChange={setRest}
            min={(limits?.minBreakSeconds ?? 60) / unit}
            max={(limits?.maxBreakSeconds ?? 3600) / unit}
          />
          <NumberField
            name="rounds"
            label="Rounds"
            value={rounds}
            onChange={setRounds}
            min={1}
            max={limits?.maxRounds ?? 12}
          />
        </div>
      ) : null}
    </FocusDialog>
  );
}
