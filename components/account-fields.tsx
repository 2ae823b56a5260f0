"use client";

// The account fields that sign-up, password reset and settings all ask for, so their names,
// autocomplete hints and limits stay the same everywhere (password managers rely on them).
import { TextField, type TextFieldProps } from "@/components/ui/text-field";
import { PASSWORD_MIN } from "@/lib/validation/account";

type FieldProps = Omit<TextFieldProps, "name" | "label"> & { label?: TextFieldProps["label"] };

export function EmailField(props: FieldProps) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      inputMode="email"
      autoComplete="email"
      maxLength={254}
      {...props}
    />
  );
}

export function UsernameField(props: FieldProps) {
  return (
    <TextField
      label="Username"
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={30}
      {...props}
    />
  );
}

/** The current password, asked before a sensitive change (lib/auth/recent-proof.ts). */
export function CurrentPasswordField(props: FieldProps) {
  return (
    <TextField
      label="Current password"
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      required
      {...props}
    />
  );
}

export function DisplayNameField(props: FieldProps & { label: TextFieldProps["label"] }) {
  return <TextField name="name" autoComplete="name" maxLength={60} {...props} />;
}

export interface NewPasswordFieldsProps {
  /** The new password's label and its confirmation's. */
  labels: readonly [string, string];
  errors: { password?: string; confirmPassword?: string } | undefined;
  hint?: string;
  required?: boolean;
  /** On the new password only: its confirmation just has to match. */
  minLength?: number;
  maxLength?: number;
}

/** A new password and its confirmation (both `new-password`, so managers offer to generate one). */
export function NewPasswordFields({
  labels,
  errors,
  hint = `At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`,
  required,
  minLength,
  maxLength,
}: NewPasswordFieldsProps) {
  // Only the new password is described and held to a minimum; its confirmation just has to match.
  const fields: Array<{ name: "password" | "confirmPassword"; label: string; hint?: string; minLength?: number }> = [
    { name: "password", label: labels[0], hint, minLength },
    { name: "confirmPassword", label: labels[1] },
  ];
  return (
    <>
      {fields.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          name={field.name}
          type="password"
          autoComplete="new-password"
          error={errors?.[field.name]}
          hint={field.hint}
          required={required}
          minLength={field.minLength}
          maxLength={maxLength}
        />
      ))}
    </>
  );
}
