// The board's calls: the newest big and highlighted ("A012 → Lucka 3"), the earlier ones listed below.
import { Bilingual, useBoardText } from './board-text.tsx';
import { callKey } from './call-list.ts';
import type { Call } from '../../../../contracts/visits.ts';

function CallLine({ call }: { call: Call }) {
  const { sv } = useBoardText();
  return (
    <>
      <span className="board-number">{call.number}</span>
      <span className="board-arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden"> {sv('display.to')} </span>
      <span className="board-counter">{call.counterName}</span>
    </>
  );
}

export function BoardCalls({ calls }: { calls: Call[] }) {
  const [latest, ...earlier] = calls;
  return (
    <section className="board-calls" aria-labelledby="board-calls-title">
      <h2 id="board-calls-title" className="board-heading">
        <Bilingual k="display.latest" />
      </h2>
      {latest ? (
        <p className="board-latest" key={callKey(latest)}>
          <CallLine call={latest} />
        </p>
      ) : (
        <p className="board-empty">
          <Bilingual k="display.none" />
        </p>
      )}
      {earlier.length > 0 && (
        <>
          <h2 className="board-heading board-earlier-title">
            <Bilingual k="display.earlier" />
          </h2>
          <ol className="board-earlier">
            {earlier.map((c) => (
              <li key={callKey(c)}>
                <CallLine call={c} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
