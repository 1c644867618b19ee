/** Records (or, with OPENPRM_REQUIRE_ALL=1, refuses) a suite that cannot run on this machine. */
export declare const recordSkip: (suite: string, reason: string) => void;
