/**
 * The customer display on the monitors: plugged in and unplugged mid-sale, and the one chosen in
 * the settings. The stand-in's monitors are scripted; a test cannot plug in a real one.
 */
import { eventChannel } from '../../common/ipc-channels.ts';
import { windowedBounds } from '../../main/shell-logic/display-placement.ts';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';
import { workAreaOf } from '../shell/standin/screen.ts';
import { expect, test } from './support/fixtures.ts';
import { createPin, openSettings } from './support/screens-ui.ts';
import { PIN, PRIMARY, SECOND_MONITOR, skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();

test('a second monitor plugged in and unplugged moves the customer display, mid-sale', async ({
  launcher,
  launchKiosk,
}) => {
  test.skip(launcher === 'electron', 'A test cannot plug a real monitor in; the stand-in’s are scripted');
  const kiosk = await launchKiosk();
  const { cashier, display } = kiosk;
  const monitors = kiosk.monitors!;
  const windowed = windowedBounds(workAreaOf(PRIMARY));
  const size = () => display.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));

  expect(await kiosk.windowState('display')).toMatchObject({
    kiosk: false,
    alwaysOnTop: false,
    bounds: windowed,
  });
  expect(await size()).toEqual({ width: windowed.width, height: windowed.height });

  await typeAmount(cashier, 25000);
  await chargeToQr(kiosk);

  await monitors.plug(SECOND_MONITOR);
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, alwaysOnTop: true, bounds: SECOND_MONITOR.bounds });
  await expect.poll(size).toEqual({ width: 1920, height: 1080 });
  // The same page moved (not reloaded): the customer still has the QR.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  await expect(display.getByTestId('display-qr')).toBeVisible();
  // The cashier stays where it was.
  expect((await kiosk.windowState('cashier')).bounds.x).toBe(PRIMARY.bounds.x);

  await monitors.unplug(SECOND_MONITOR.id);
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: false, alwaysOnTop: false, bounds: windowed });
  await expect.poll(size).toEqual({ width: windowed.width, height: windowed.height });
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  // All through, main sent the customer display its own event and nothing of the cashier's.
  const facts = (await kiosk.facts()) as { windows: { url: string; sentChannels: string[] }[] };
  expect(facts.windows.find((w) => w.url.endsWith('/display/'))?.sentChannels).toEqual([
    eventChannel('display'),
  ]);
  expect(kiosk.problems).toEqual([]);
});

test('the customer display follows the monitor chosen in the settings', async ({ launcher, launchKiosk }) => {
  test.skip(launcher === 'electron', 'A test cannot plug a real monitor in; the stand-in’s are scripted');
  const kiosk = await launchKiosk({ monitors: [PRIMARY, SECOND_MONITOR] });
  const { cashier } = kiosk;
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, bounds: SECOND_MONITOR.bounds });

  await openSettings(cashier);
  await createPin(cashier, PIN);
  // Both monitors, as the settings list them; "a window" keeps the display off the second one.
  await expect(cashier.getByTestId('display-choice-display-2')).toBeVisible();
  await cashier.getByTestId('display-choice-window').check();
  await cashier.getByTestId('settings-save').click();
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: false, bounds: windowedBounds(workAreaOf(PRIMARY)) });

  await cashier.getByTestId('display-choice-display-2').check();
  await cashier.getByTestId('settings-save').click();
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, bounds: SECOND_MONITOR.bounds });
  expect(kiosk.problems).toEqual([]);
});
