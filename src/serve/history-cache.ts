// Keeps the parsed, indexed history in memory and re-reads it only when the store says it changed
// (HistoryStore.changeToken; stores without one are re-read after FALLBACK_TTL_MS). While a re-read
// is running, requests are answered from the previous snapshot; only the very first load waits.
// A snapshot is always one whole read of the store, so a request never sees half of a write.
import type { HistoryStore } from '../store/history-store';
import { HistoryIndex } from './history-index';
import { ApiError } from './api-error';
import { errorMessage } from '../util/errors';

/** How often the change token is looked at, at most (a stat of the history file). */
const CHECK_INTERVAL_MS = 200;
/** Stores that cannot say whether they changed are re-read this often. */
const FALLBACK_TTL_MS = 2000;

export class HistoryCache {
  private current?: HistoryIndex;
  private currentToken: string | null | undefined;
  private loading?: Promise<HistoryIndex>;
  private lastCheck = 0;
  /** Last load failure (a corrupt or unreadable history), shown by /health. */
  lastError?: string;

  constructor(
    private readonly store: HistoryStore,
    private readonly onLoad?: (index: HistoryIndex, ms: number) => void,
  ) {}

  describe(): string {
    return this.store.describe();
  }

  snapshotIfLoaded(): HistoryIndex | undefined {
    return this.current;
  }

  async get(): Promise<HistoryIndex> {
    const now = Date.now();
    if (this.current && now - this.lastCheck < CHECK_INTERVAL_MS) return this.current;
    this.lastCheck = now;
    if (this.loading) return this.current ?? this.loading;
    const token = this.store.changeToken ? await this.store.changeToken() : undefined;
    const stale =
      !this.current ||
      (token === undefined ? now - this.current.loadedAt > FALLBACK_TTL_MS : token !== this.currentToken);
    if (!stale) return this.current!;
    if (this.loading) return this.current ?? this.loading;
    this.loading = this.load(token).finally(() => {
      this.loading = undefined;
    });
    return this.current ?? this.loading;
  }

  /** After a write through the API: the next request re-reads. */
  invalidate(): void {
    this.lastCheck = 0;
    this.currentToken = undefined;
    if (this.current && !this.store.changeToken) this.current = new HistoryIndex(this.current.data, 0);
  }

  /** Loads now and waits (used at start-up and after writes). */
  async reload(): Promise<HistoryIndex> {
    const token = this.store.changeToken ? await this.store.changeToken() : undefined;
    if (this.loading) await this.loading.catch(() => undefined);
    return this.load(token);
  }

  private async load(token: string | null | undefined): Promise<HistoryIndex> {
    const started = Date.now();
    try {
      const data = await this.store.read();
      const index = new HistoryIndex(data, Date.now());
      index.buildInBackground();
      if (this.current) this.current.retired = true;
      this.current = index;
      this.currentToken = token;
      this.lastError = undefined;
      this.onLoad?.(index, Date.now() - started);
      return index;
    } catch (e) {
      this.lastError = errorMessage(e);
      if (this.current) return this.current;
      throw new ApiError(
        503,
        'history_unavailable',
        `history ${this.store.describe()} cannot be read: ${this.lastError}`,
      );
    }
  }
}
