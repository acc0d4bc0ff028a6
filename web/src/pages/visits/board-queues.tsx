// The board's waiting counts per queue letter, with the agency behind each letter in Swedish and English.
import type { Agency } from '../../../../contracts/registry.ts';
import type { OfficeQueue } from '../../../../contracts/visits.ts';
import { Bilingual } from './board-text.tsx';

export function BoardQueues({ queues, agencies }: { queues: OfficeQueue[]; agencies: Agency[] }) {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  return (
    <section className="board-queues" aria-labelledby="board-queues-title">
      <h2 id="board-queues-title" className="board-heading">
        <Bilingual k="display.waitingHeading" />
      </h2>
      {queues.length === 0 ? (
        <p className="board-empty">
          <Bilingual k="display.noQueues" />
        </p>
      ) : (
        <ul>
          {queues.map((q) => {
            const agency = byId.get(q.agencyId);
            return (
              <li key={q.id} className="board-queue">
                <span className="board-letter">{q.letter}</span>
                <span className="board-queue-text">
                  <span className="board-waiting">
                    <Bilingual k="display.waiting" values={{ count: q.waiting }} />
                  </span>
                  {agency && (
                    <span className="board-agency">
                      <span>{agency.nameSv}</span>
                      {agency.nameEn !== agency.nameSv && (
                        <span className="bi-en" lang="en">
                          {agency.nameEn}
                        </span>
                      )}
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
