import { useId } from 'react';
import type { MetricInfo, MetricLookup } from '@/features/metrics';
import { MAX_METRICS } from '../utils/report-form';

type Props = {
  lookup: MetricLookup;
  selected: string[];
  onChange: (metrics: string[]) => void;
  error?: string;
  disabled?: boolean;
};

/**
 * Checkboxes over the catalogue's selectable metrics, measured and calculated apart. The report shows the metrics
 * in the order they were ticked (its PDF charts the first two), so that order is listed and can be changed.
 */
export function MetricPicker({ lookup, selected, onChange, error, disabled }: Props) {
  const id = useId();
  const measured = lookup.selectable.filter((m) => !m.derived);
  const calculated = lookup.selectable.filter((m) => m.derived);
  const full = selected.length >= MAX_METRICS;

  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...selected.filter((k) => k !== key), key] : selected.filter((k) => k !== key));
  const move = (index: number, by: -1 | 1) => {
    const next = [...selected];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };

  const group = (title: string, metrics: MetricInfo[]) => (
    <div className="metric-picker__group" role="group" aria-label={title}>
      <h4 className="metric-picker__heading">{title}</h4>
      <div className="metric-picker__grid">
        {metrics.map((m) => {
          const on = selected.includes(m.key);
          return (
            <label key={m.key} className="checkbox metric-picker__option" title={m.formula}>
              <input
                type="checkbox"
                checked={on}
                disabled={disabled || (!on && full)}
                onChange={(e) => toggle(m.key, e.target.checked)}
              />
              {m.label}
            </label>
          );
        })}
      </div>
    </div>
  );

  return (
    <fieldset
      className={`metric-picker${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
      disabled={disabled}
    >
      <legend className="field__label">Metrics</legend>
      <p className="field__hint" id={`${id}-hint`}>
        Up to {MAX_METRICS}. The report lists them in this order; its PDF charts the first two.
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {selected.length > 0 && (
        <ol className="metric-picker__chosen" aria-label="Chosen metrics, in report order">
          {selected.map((key, i) => {
            const label = lookup.label(key);
            return (
              <li key={key} className="metric-picker__chip">
                <span>{label}</span>
                <button type="button" className="icon-button" aria-label={`Move ${label} earlier`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${label} later`}
                  disabled={i === selected.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`Remove ${label}`} onClick={() => toggle(key, false)}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {group('Measured', measured)}
      {group('Calculated', calculated)}
    </fieldset>
  );
}
