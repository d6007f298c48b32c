import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { Spinner } from '@/components/spinner';
import { isApiError } from '@/lib/api-error';
import { zonedLocalToInstant } from '@/lib/time-zone';
import { useStateAt } from '../api/get-state';
import { formatDateTimeIn } from '../utils/time';
import { StateTable } from './state-table';

type Props = { type: string; id: string; timeZone: string };

/** "What did it look like then?": the state at a picked instant of the agency's clock. */
export function StateAsOf({ type, id, timeZone }: Props) {
  const [local, setLocal] = useState('');
  const [at, setAt] = useState<string>();
  const [invalid, setInvalid] = useState<string>();
  const state = useStateAt(type, id, at);
  const notYet = isApiError(state.error) && state.error.status === 404;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const instant = zonedLocalToInstant(local, timeZone);
    setInvalid(instant ? undefined : 'Pick a date and time.');
    if (instant) setAt(instant);
  };

  return (
    <section className="card panel" aria-labelledby="state-as-of-title">
      <h2 className="panel__title" id="state-as-of-title">
        State as of a moment
      </h2>
      <form className="form state-as-of" onSubmit={onSubmit} noValidate>
        <FormField
          label="State as of"
          type="datetime-local"
          step={1}
          value={local}
          onChange={(e) => setLocal(e.target.value)}
          error={invalid}
          hint={`Times are in ${timeZone}.`}
        />
        <button type="submit" className="button">
          Show state
        </button>
      </form>
      {at && state.isFetching && <Spinner label="Replaying the events…" />}
      {notYet && (
        <p className="panel__empty" role="status">
          It did not exist yet at that time.
        </p>
      )}
      {state.isError && !notYet && <ErrorBanner error={state.error} onRetry={() => void state.refetch()} />}
      {state.data && !state.isFetching && (
        <>
          <p className="table__secondary">
            As of {formatDateTimeIn(state.data.at, timeZone)}, after event #{state.data.sequence}
          </p>
          <StateTable state={state.data.state} label={`State as of ${formatDateTimeIn(state.data.at, timeZone)}`} />
        </>
      )}
    </section>
  );
}
