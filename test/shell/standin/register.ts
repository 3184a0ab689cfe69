/**
 * Makes every `import … from 'electron'` in this process (the shell's bundle, electron-store)
 * resolve to the stand-in. A synchronous in-thread hook (module.registerHooks): the stand-in's
 * module must be the very instance the launcher drives, which a hook on a loader thread
 * (module.register) would not share.
 */
import { registerHooks } from 'node:module';

export const STAND_IN_URL = new URL('./electron.ts', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: STAND_IN_URL, shortCircuit: true } : next(specifier, context),
});
