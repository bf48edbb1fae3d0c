import { PLAYBOOKS } from '@firebreak/domain';
import Link from 'next/link';
import { IncidentStatusBadge, SeverityBadge } from '@/components/badges';
import { formatAge } from '@/components/format-time';
import { UtcTime } from '@/components/utc-time';
import { listCustomers } from '@/server/directory/list-customers';
import { listIncidents } from '@/server/incidents/list-incidents';

export const metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  const [{ incidents }, customers] = await Promise.all([listIncidents({ limit: 100 }), listCustomers()]);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
  const now = new Date();

  return (
    <>
      <div className="page-heading">
        <h1>Incidents</h1>
        <Link className="button" href="/incidents/new">
          Declare incident
        </Link>
      </div>
      {incidents.length === 0 ? (
        <p className="empty">
          No incidents yet. When something happens, <Link href="/incidents/new">declare an incident</Link>.
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Incidents, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Incident</th>
                <th scope="col">Severity</th>
                <th scope="col">Customers</th>
                <th scope="col">Declared</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id}>
                  <td>
                    <IncidentStatusBadge status={incident.status} />
                  </td>
                  <td>
                    <Link href={`/incidents/${incident.id}`}>{PLAYBOOKS[incident.playbook].title}</Link>
                    <div className="muted">
                      <span className="mono">{incident.id}</span> · {incident.summary}
                    </div>
                  </td>
                  <td>
                    <SeverityBadge severity={incident.severity} />
                  </td>
                  <td>{incident.customerIds.map((id) => customerNames.get(id) ?? id).join(', ')}</td>
                  <td>
                    <UtcTime iso={incident.declaredAt} />
                  </td>
                  <td>{formatAge(incident.declaredAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
