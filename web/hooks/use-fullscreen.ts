import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Shows one element full screen (the browser's Fullscreen API, for the command room's 大屏): `ref` goes
 * on the element, `toggle` enters or leaves, `active` follows the browser (Esc leaves too), and
 * `supported` is false where the browser offers no full screen (then offer no button).
 */
export function useFullscreen<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void ref.current?.requestFullscreen();
  }, []);
  return { ref, active, toggle, supported: document.fullscreenEnabled };
}
