/**
 * The till's two sounds, generated with Web Audio (nothing to download or bundle): a short rising
 * chime when a payment arrives, and a low falling tone when one is declined or runs out. Different
 * in pitch, direction and timbre, so a cashier across the counter tells them apart without looking.
 */
import type { SoundSettings } from '../../../common/printing-contract.ts';
import { DEFAULT_SOUND } from '../../../common/printing-contract.ts';

export type Tone = 'paid' | 'failed';

interface Note {
  hz: number;
  at: number;
  seconds: number;
}

export const TONES: Readonly<Record<Tone, { wave: OscillatorType; notes: readonly Note[] }>> = {
  // E5 then A5: up a fourth, bright and short.
  paid: {
    wave: 'sine',
    notes: [
      { hz: 659.25, at: 0, seconds: 0.14 },
      { hz: 880, at: 0.12, seconds: 0.26 },
    ],
  },
  // A3 then F3: down, softer-edged, longer.
  failed: {
    wave: 'triangle',
    notes: [
      { hz: 220, at: 0, seconds: 0.22 },
      { hz: 174.61, at: 0.2, seconds: 0.34 },
    ],
  },
};

/** Loudness 0–1 from the 0–100 setting: squared, so the slider's low half stays usable. */
export function gainFor(sound: SoundSettings | undefined): number {
  const { volume, muted } = sound ?? DEFAULT_SOUND;
  if (muted || !Number.isFinite(volume) || volume <= 0) return 0;
  return 0.5 * Math.min(1, volume / 100) ** 2;
}

let shared: AudioContext | undefined;

function audio(): AudioContext | undefined {
  if (shared !== undefined) return shared;
  const Context = globalThis.AudioContext as typeof AudioContext | undefined;
  if (Context === undefined) return undefined;
  shared = new Context();
  return shared;
}

/**
 * Plays a tone now; false when it is muted or the page cannot make sound. A context the browser
 * started suspended (no gesture yet) is asked to resume; the notes are scheduled either way.
 */
export function playTone(tone: Tone, sound: SoundSettings | undefined, context = audio()): boolean {
  const peak = gainFor(sound);
  if (peak === 0 || context === undefined) return false;
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const { wave, notes } = TONES[tone];
  const start = context.currentTime + 0.01;
  for (const note of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = wave;
    oscillator.frequency.setValueAtTime(note.hz, start + note.at);
    // A quick attack and an exponential fall: no click at either end.
    gain.gain.setValueAtTime(0.0001, start + note.at);
    gain.gain.exponentialRampToValueAtTime(peak, start + note.at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + note.seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + note.seconds + 0.02);
  }
  return true;
}
