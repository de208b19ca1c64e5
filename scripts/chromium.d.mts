/** Path of a Chromium executable (CHROMIUM_PATH, Debian's, Playwright's own, else installs one). */
export declare function findChromium(): string;
