/** Headless Chromium for the browser tests and the wallboard benchmark: Debian's build, kept offline and quiet. */
import { chromium } from 'playwright-core';
export const CHROMIUM = '/usr/bin/chromium';
/** No sandbox (root in CI), no GPU, and no background traffic: nothing but loopback is reachable here. */
const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];
export function launchChromium(profileDir, opts) {
    return chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        ...opts,
    });
}
//# sourceMappingURL=browser.js.map