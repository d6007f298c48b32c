import type { FieldChange } from '../api/types';
import { changeRows } from '../utils/changes';

type Props = { changes: Record<string, FieldChange>; label: string };

/** Field, before, after: what one event changed. */
export function ChangesTable({ changes, label }: Props) {
  const rows = changeRows(changes);
  if (rows.length === 0) return <p className="panel__empty">No field changed.</p>;
  return (
    <div className="table-wrap">
      <table className="table audit-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">
                <code>{row.field}</code>
              </th>
              <td className="audit-table__before">{row.before}</td>
              <td className="audit-table__after">{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
