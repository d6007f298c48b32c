import { useState, type FormEvent } from 'react';
import { FormField, SelectField } from '@/components/form-field';
import { useTeam } from '@/features/team';
import { useEventTypes } from '../api/get-event-types';
import { AGGREGATE_TYPES, aggregateTypeLabels } from '../api/types';
import { draftFromFilters, filtersFromDraft, type AuditFilters, type FilterDraft } from '../utils/filters';

type Props = { filters: AuditFilters; timeZone: string; onApply: (filters: AuditFilters) => void };

/** Edits a draft; the URL (and so the search) changes only on "Apply filters". Keyed by the URL's filters. */
export function EventFilters({ filters, timeZone, onApply }: Props) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilters(filters, timeZone));
  const eventTypes = useEventTypes();
  const team = useTeam(undefined);
  // invited people have acted on nothing yet; deactivated ones may have
  const people = (team.data ?? []).filter((m) => m.status !== 'invited');
  const set = (key: keyof FilterDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(filtersFromDraft(draft, timeZone));
  };

  return (
    <form className="card form audit-filters" role="search" aria-label="Search the audit log" onSubmit={onSubmit} noValidate>
      <div className="form__row">
        <SelectField label="Aggregate type" value={draft.aggregateType} onChange={set('aggregateType')}>
          <option value="">Any</option>
          {AGGREGATE_TYPES.map((t) => (
            <option key={t} value={t}>
              {aggregateTypeLabels[t]}
            </option>
          ))}
        </SelectField>
        <FormField label="Aggregate id" value={draft.aggregateId} onChange={set('aggregateId')} spellCheck={false} />
        <SelectField label="Event type" value={draft.eventType} onChange={set('eventType')}>
          <option value="">Any</option>
          {draft.eventType && !eventTypes.data?.includes(draft.eventType) && <option value={draft.eventType}>{draft.eventType}</option>}
          {eventTypes.data?.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
        <SelectField label="Actor" value={draft.actor} onChange={set('actor')}>
          <option value="">Anybody</option>
          {draft.actor && team.data && !people.some((m) => m.userId === draft.actor) && (
            <option value={draft.actor}>{draft.actor}</option>
          )}
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name ? `${m.name} (${m.email})` : m.email}
              {m.status === 'deactivated' ? ' — deactivated' : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__row">
        <FormField label="Correlation id" value={draft.correlationId} onChange={set('correlationId')} spellCheck={false} />
        <FormField label="From" type="datetime-local" step={1} value={draft.from} onChange={set('from')} />
        <FormField label="To" type="datetime-local" step={1} value={draft.to} onChange={set('to')} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button type="button" className="button button--ghost" onClick={() => onApply({})}>
          Clear filters
        </button>
        <span className="field__hint">Times are in {timeZone}.</span>
      </div>
    </form>
  );
}
