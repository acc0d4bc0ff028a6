// Moves focus to a step's heading when the step appears, so screen readers and keyboards follow along.
import { useEffect, useRef } from 'react';

export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
