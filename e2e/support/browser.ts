// Playwright (playwright-core) driving Debian's Chromium, plus an axe-core WCAG 2.1 AA check.
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  return found;
}

/** Runs in every page before its scripts: remembers what the Content-Security-Policy refused. */
function recordCspViolations() {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`csp ${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // The machine's network is closed: keep Chromium from trying to phone home at every start.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  // Every context, however a spec makes it, records CSP violations for wcagViolations to report.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(recordCspViolations);
    return context;
  };
  return browser;
}

/**
 * axe-core violations for WCAG 2.0/2.1 A and AA, summarised for a readable assertion message, plus
 * anything the page's Content-Security-Policy refused: every page checked for one is checked for both.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return [...result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), ...csp];
}

/** A page in its own context, Swedish locale, with the UI language stored as the app stores it. */
export async function openPage(browser: Browser, lang = 'sv', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  await context.addInitScript((l) => localStorage.setItem('lang', l), lang);
  return context.newPage();
}
