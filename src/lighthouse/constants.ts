// Defaults for Lighthouse audits (fixture and CLI). Each one says where its value comes from.

/** Per-audit timeout. Lighthouse's own page-load wait is 45 s (`maxWaitForLoad` default); an audit
 *  measured ≈ 10–17 s on a 2-core machine (10 s alone, 16–17 s with two at once), so 90 s only
 *  trips on a hang. */
export const DEFAULT_AUDIT_TIMEOUT_MS = 90_000;

/** How long to wait for another worker's audit to finish. Audits are serialized machine-wide;
 *  4 queued audits of ~15 s each fit comfortably. */
export const DEFAULT_LOCK_TIMEOUT_MS = 180_000;

/** How long Chromium may take to print its DevTools endpoint. Measured launch ≈ 0.2–0.6 s;
 *  2 cores shared by many processes can be 20× slower. */
export const CHROMIUM_START_TIMEOUT_MS = 20_000;

/** Lock staleness: proper-lockfile refreshes the lock's mtime every stale/2, so a holder that died
 *  (SIGKILL, crash) frees the lock after this long. 5000 is proper-lockfile's minimum. */
export const LOCK_STALE_MS = 30_000;

/** Print "waiting for the audit lock" only when the wait is noticeable. */
export const LOCK_WAIT_NOTICE_MS = 1_000;

/** Flags for a headless audit Chromium in containers and CI: new headless, no sandbox (root in
 *  containers), no GPU (none in CI). Missing --no-sandbox as root only shows up on Chromium's stderr. */
export const AUDIT_CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** Categories audited when none are given: performance only, the one that trends (and the cheapest). */
export const DEFAULT_CATEGORIES = ['performance'];

/** Lighthouse category ids (Lighthouse 12). */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** An audit "fails" below this score: Lighthouse's own pass mark for binary and numeric audits
 *  (report renderer: score ≥ 0.9 is "pass", shown green). */
export const FAILING_AUDIT_SCORE = 0.9;

/** At most this many failing audits go into the run record (the full list is in the JSON artifact). */
export const MAX_FAILING_AUDITS = 30;
