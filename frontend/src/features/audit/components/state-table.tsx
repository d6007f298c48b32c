import { stateRows } from '../utils/changes';

/** An aggregate's state as key/value rows. */
export function StateTable({ state, label }: { state: Record<string, unknown>; label: string }) {
  const rows = stateRows(state);
  if (rows.length === 0) return <p className="panel__empty">The state is empty.</p>;
  return (
    <div className="table-wrap">
      <table className="table audit-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <code>{row.key}</code>
              </th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
