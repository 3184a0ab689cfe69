/**
 * An electron-builder afterPack hook for test/shell/packaging.spec.ts: while the real
 * configuration is being packaged, ask electron-builder's own .deb target for the package
 * metadata it would hand fpm (the step that failed without a maintainer and a homepage), and its
 * icon code for the Linux icon set and the Windows icon, then write the answers where the test
 * reads them (KIOSK_PACKAGING_REPORT). Nothing is downloaded: fpm itself is never run.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AfterPackContext } from 'electron-builder';

const require = createRequire(import.meta.url);

interface LinuxHelper {
  icons: Promise<{ file: string; size: number }[]>;
}
type HelperClass = new (packager: unknown) => LinuxHelper;
type DebClass = new (
  name: string,
  packager: unknown,
  helper: LinuxHelper,
  outDir: string,
) => { checkOptions(): Promise<{ name: string; maintainer: string; url: string; vendor: string }> };
interface IconResolver {
  resolveIcon(
    sources: string[],
    fallback: string[],
    format: string,
  ): Promise<{ file: string; size: number }[]>;
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
    LinuxTargetHelper: HelperClass;
  };
  const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget.js') as { default: DebClass }).default;
  const packager = context.packager;
  const helper = new LinuxTargetHelper(packager);
  const deb = await new FpmTarget('deb', packager, helper, context.outDir).checkOptions();
  const linuxIcons = await helper.icons;
  const config = packager.config as { win?: { icon?: string } };
  const windowsIcon = await (packager as unknown as IconResolver).resolveIcon(
    [config.win?.icon ?? ''],
    [],
    'ico',
  );
  const report = process.env.KIOSK_PACKAGING_REPORT;
  if (report === undefined) throw new Error('KIOSK_PACKAGING_REPORT is not set');
  writeFileSync(report, JSON.stringify({ deb, linuxIcons, windowsIcon }));
}
