import { Link } from 'react-router';
import { formatNumber, formatRelative, formatDateTime } from '@/lib/format';
import type { Client } from '../api/types';
import { StatusBadge } from './status-badge';

export function ClientsTable({ clients }: { clients: Client[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Industry</th>
            <th scope="col">Contact</th>
            <th scope="col" className="table__num">Integrations</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.id}>
              <td>
                <Link to={`/clients/${client.id}`} className="table__primary">
                  {client.name}
                </Link>
                {client.website && <div className="table__secondary">{client.website}</div>}
              </td>
              <td>{client.industry || '—'}</td>
              <td>{client.contactEmail || '—'}</td>
              <td className="table__num">{formatNumber(client.integrationCount)}</td>
              <td>
                <StatusBadge status={client.status} />
              </td>
              <td>
                <time dateTime={client.updatedAt} title={formatDateTime(client.updatedAt)}>
                  {formatRelative(client.updatedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
