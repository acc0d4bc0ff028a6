// Spoken calls in Swedish via speechSynthesis; off until someone presses the button (browsers need a gesture).
import { useCallback, useState } from 'react';

const supported = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

function say(text: string): void {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'sv-SE';
  utterance.rate = 0.85;
  const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('sv'));
  if (voice) utterance.voice = voice;
  speechSynthesis.speak(utterance);
}

export function useSpeech(confirmText: string) {
  const [enabled, setEnabled] = useState(false);
  const toggle = useCallback(() => {
    if (!supported()) return;
    if (enabled) speechSynthesis.cancel();
    // Speaking inside the click unlocks speech for the calls that follow.
    else say(confirmText);
    setEnabled(!enabled);
  }, [confirmText, enabled]);
  const speak = useCallback((text: string) => {
    if (enabled && supported()) say(text);
  }, [enabled]);
  return { supported: supported(), enabled, toggle, speak };
}
