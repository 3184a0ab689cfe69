/**
 * The customer display's sound: the chime when the payment arrives, the low tone when it is
 * declined or runs out, at the manager's volume (DisplayState.sound). A state read again (a
 * reconnect, a snapshot) makes no sound; only a new scene does.
 */
import { useEffect, useRef } from 'react';
import type { DisplayScene, DisplayState } from '../../../common/contract.ts';
import { displayCue } from '../../shared/sound/cues.ts';
import { playTone } from '../../shared/sound/tones.ts';

export function useSceneSound(state: DisplayState | undefined): void {
  const previous = useRef<DisplayScene | undefined>(undefined);
  useEffect(() => {
    if (state === undefined) return;
    const tone = displayCue(previous.current, state.scene);
    previous.current = state.scene;
    if (tone !== undefined) playTone(tone, state.sound);
  }, [state]);
}
