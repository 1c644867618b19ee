import { consume } from '@lit/context';
import type { EventType } from '@openprm/core';
import type { PrmClient } from '@openprm/sdk';
import { type CSSResultGroup, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiTask } from './api-task.js';
import { clientContext } from './client-context.js';
import { MissingClientError } from './errors.js';
import { type LiveEvents, liveEventsContext } from './live-events.js';
import { type Catalog, type Locale, loadCatalogs, resolveLocale, translate } from './localize.js';
import { sharedMessages } from './shared.messages.js';
import { baseStyles } from './styles.js';

/**
 * What every `prm-*` element shares: the client (its own `client` property, else the nearest
 * `<prm-provider>`'s), the language, the base styles, and data tasks that abort their older run.
 */
export abstract class PrmElement<Keys extends string = never> extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  /** The API client (`createPrmClient(…)` from `@openprm/sdk`). @default the nearest `<prm-provider>`'s client */
  @property({ attribute: false }) client: PrmClient | undefined;

  /**
   * Language of texts, dates, money and numbers: `en` or `de`.
   * @default the nearest `lang` attribute, else the browser's language
   */
  @property() locale: string | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private providedClient: PrmClient | undefined;

  private live: LiveEvents | undefined;
  private stopListening: (() => void) | undefined;
  private liveRefreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** A `<prm-provider live>`'s event stream: the element reloads when what it shows changes. */
  @consume({ context: liveEventsContext, subscribe: true })
  protected set liveEvents(value: LiveEvents | undefined) {
    this.live = value;
    this.listenToLiveEvents();
  }
  protected get liveEvents(): LiveEvents | undefined {
    return this.live;
  }

  /** The event types after which this element reloads through its `refresh()`; none by default. */
  protected readonly liveEventTypes: readonly EventType[] = [];

  /** Elements with data have a public `refresh()` (their documented "load again"). */
  private reload(): unknown {
    return (this as { refresh?: () => unknown }).refresh?.();
  }

  private listenToLiveEvents(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    if (!this.live || !this.isConnected || this.liveEventTypes.length === 0) return;
    this.stopListening = this.live.listen(this.liveEventTypes, () => {
      // A burst of events (an approval writes several) becomes one reload.
      clearTimeout(this.liveRefreshTimer);
      this.liveRefreshTimer = setTimeout(() => void this.reload(), 250);
    });
  }

  /** The element's own texts; the shared ones (loading, retry, errors) come from `sharedMessages`. */
  protected abstract readonly messages: Catalog<Keys>;

  /** The client in use, or none yet. */
  protected get api(): PrmClient | undefined {
    return this.client ?? this.providedClient;
  }

  protected get language(): Locale {
    return resolveLocale(this, this.locale);
  }

  /**
   * Waits for the texts of the element's language before rendering, the first time a language
   * other than English shows: the element never flashes English on a German page. Asks again
   * once they are here, in case the language changed meanwhile.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: LitElement's own signature.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadCatalogs([this.messages, sharedMessages], this.language);
    return loading ? loading.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected t(key: Keys, params?: Record<string, string | number>): string {
    return translate(this.messages, this.language, key, params);
  }

  /**
   * A data task that runs with the client once there is one, reruns when `args` change (aborting
   * the older request through the signal it passes on) and fails with a readable error without one.
   */
  protected apiTask<T, const A extends readonly unknown[]>(
    args: () => A,
    run: (client: PrmClient, args: A, signal: AbortSignal) => Promise<T>,
    options: { autoRun?: boolean } = {},
  ): ApiTask<[PrmClient | undefined, ...A], T> {
    return new ApiTask<[PrmClient | undefined, ...A], T>(this, {
      ...options,
      args: () => [this.api, ...args()],
      task: async ([client, ...rest], { signal }) => {
        if (!client) throw new MissingClientError();
        return run(client, rest as unknown as A, signal);
      },
    });
  }

  /** Coming back online reruns what failed while offline. */
  private readonly handleOnline = () => this.retryAfterReconnect();

  /** Elements with data override this to rerun their failed tasks. */
  protected retryAfterReconnect(): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.handleOnline);
    this.listenToLiveEvents();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.handleOnline);
    this.stopListening?.();
    this.stopListening = undefined;
    clearTimeout(this.liveRefreshTimer);
  }
}
