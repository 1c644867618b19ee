/** Debian's Chromium, or the build OPENPRM_CHROMIUM names. */
export declare const CHROMIUM_PATH: string;
/** The flags for headless Chromium on these machines. */
export declare const CHROMIUM_FLAGS: string[];
/** True when Chromium is there; otherwise records (or, with OPENPRM_REQUIRE_ALL=1, refuses) the skip. */
export declare const chromiumFor: (suite: string) => boolean;
