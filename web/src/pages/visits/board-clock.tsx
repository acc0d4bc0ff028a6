// The board's clock: hours and minutes in Swedish time, refreshed every few seconds.
import { useEffect, useState } from 'react';

const format = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

export function BoardClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="board-clock" dateTime={now.toISOString()}>
      {format.format(now)}
    </time>
  );
}
