import { useId } from 'react';
import { daysBetween, lastDays } from '@/lib/format';

export type Range = { from: string; to: string };

export const PRESETS = [7, 30, 90] as const;

type Props = {
  range: Range;
  compare: boolean;
  /** today in the agency's time zone, YYYY-MM-DD */
  today: string;
  timeZone: string;
  onRangeChange: (range: Range) => void;
  onCompareChange: (compare: boolean) => void;
};

export function RangePicker({ range, compare, today, timeZone, onRangeChange, onCompareChange }: Props) {
  const fromId = useId();
  const toId = useId();
  const compareId = useId();
  const zoneId = useId();

  return (
    <div className="range-picker" role="group" aria-label="Date range" aria-describedby={zoneId}>
      <div className="range-picker__presets">
        {PRESETS.map((days) => {
          const preset = lastDays(days, today);
          const selected = preset.from === range.from && preset.to === range.to;
          return (
            <button
              key={days}
              type="button"
              className={selected ? 'button button--small button--selected' : 'button button--small'}
              aria-pressed={selected}
              onClick={() => onRangeChange(preset)}
            >
              Last {days} days
            </button>
          );
        })}
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={fromId}>
          From
        </label>
        <input
          id={fromId}
          className="input input--compact"
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => e.target.value && daysBetween(e.target.value, range.to) > 0 && onRangeChange({ ...range, from: e.target.value })}
        />
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={toId}>
          To
        </label>
        <input
          id={toId}
          className="input input--compact"
          type="date"
          value={range.to}
          min={range.from}
          max={today}
          onChange={(e) => e.target.value && daysBetween(range.from, e.target.value) > 0 && onRangeChange({ ...range, to: e.target.value })}
        />
      </div>
      <label className="checkbox" htmlFor={compareId}>
        <input id={compareId} type="checkbox" checked={compare} onChange={(e) => onCompareChange(e.target.checked)} />
        Compare to previous period
      </label>
      <p className="range-picker__zone" id={zoneId}>
        Days are in {timeZone}
      </p>
    </div>
  );
}
