import { formatChangePct } from '@/lib/format';
import { describeChange, toNumber, type Num } from '../utils/catalogue';

type Props = { changePct: Num | undefined; lowerIsBetter: boolean; className?: string; title?: string };

/** "▲ 4.9%" in green or red by whether the change is good news; spoken as "up 4.9%". */
export function MetricChange({ changePct, lowerIsBetter, className = 'change', title }: Props) {
  const change = describeChange(lowerIsBetter, changePct);
  if (!change) {
    return (
      <span className={`${className} ${className}--neutral`} title={title}>
        no previous data
      </span>
    );
  }
  const spoken = change.direction === 'up' ? 'up ' : change.direction === 'down' ? 'down ' : 'unchanged ';
  return (
    <span className={`${className} ${className}--${change.tone}`} title={title}>
      {change.arrow && <span aria-hidden="true">{change.arrow} </span>}
      <span className="visually-hidden">{spoken}</span>
      {formatChangePct(toNumber(changePct))}
    </span>
  );
}
