import type { Actor } from '../api/types';
import { actorName } from '../utils/describe';

export function ActorLabel({ actor }: { actor: Actor | null }) {
  const name = actorName(actor);
  return (
    <span className="audit-actor" title={actor?.userId}>
      {name}
      {actor?.email && actor.email !== name && <span className="table__secondary"> {actor.email}</span>}
    </span>
  );
}
