type Props = {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  /** at least one stays on; at most `max` */
  max: number;
  onChange: (selected: string[]) => void;
};

/** Toggle buttons (aria-pressed) for picking a few of many, e.g. the metrics a chart shows. */
export function ToggleChips({ label, options, selected, max, onChange }: Props) {
  const toggle = (value: string) => {
    if (selected.includes(value)) {
      if (selected.length > 1) onChange(selected.filter((v) => v !== value));
    } else if (selected.length < max) {
      onChange([...selected, value]);
    }
  };
  return (
    <div className="chip-group" role="group" aria-label={label}>
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            className={on ? 'chip chip--on' : 'chip'}
            aria-pressed={on}
            disabled={(!on && selected.length >= max) || (on && selected.length === 1)}
            onClick={() => toggle(option.value)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
