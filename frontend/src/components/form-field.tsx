import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type FieldShellProps = { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode };

function FieldShell({ id, label, error, hint, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

type FormFieldProps = { label: string; error?: string; hint?: ReactNode } & (
  | ({ multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
  | ({ multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>)
);

export function FormField(props: FormFieldProps) {
  const generated = useId();
  const id = props.id ?? generated;
  const common = { id, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy(id, props.error, props.hint) };
  if (props.multiline) {
    const { label, error, hint, multiline: _multiline, ...rest } = props;
    return (
      <FieldShell id={id} label={label} error={error} hint={hint}>
        <textarea className="input" rows={4} {...rest} {...common} />
      </FieldShell>
    );
  }
  const { label, error, hint, multiline: _multiline, ...rest } = props;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input className="input" {...rest} {...common} />
    </FieldShell>
  );
}

type SelectFieldProps = { label: string; error?: string; hint?: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, error, hint, children, ...rest }: SelectFieldProps) {
  const generated = useId();
  const id = rest.id ?? generated;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select
        className="input"
        {...rest}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {children}
      </select>
    </FieldShell>
  );
}
