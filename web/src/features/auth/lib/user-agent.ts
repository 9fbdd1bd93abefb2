// A browser's User-Agent as a person recognises it: the browser and the system ("Firefox",
// "Windows"), for the list of one's own sessions. Order matters: browsers built on Chrome say
// "Chrome" too, and Chrome on iOS says "Safari".

export interface Device {
  browser?: string;
  os?: string;
}

const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bcoc_coc_browser\//i, 'Cốc Cốc'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bYaBrowser\//, 'Yandex'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bCriOS\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/Chrome\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const systems: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** The browser and system `userAgent` names, as far as it says (a script: its first product). */
export function deviceOf(userAgent: string): Device {
  const device: Device = {};
  device.browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  device.os = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!device.browser) {
    const product = /^([A-Za-z][\w.-]{0,40})\//.exec(userAgent.trim())?.[1];
    if (product && product !== 'Mozilla') device.browser = product;
  }
  return device;
}
