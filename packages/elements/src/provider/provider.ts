import { provide } from '@lit/context';
import { createPrmClient, type PrmClient } from '@openprm/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext } from '../shared/client-context.js';
import { createLiveEvents, type LiveEvents, liveEventsContext } from '../shared/live-events.js';

/**
 * Holds the API client for every `prm-*` element inside it, so each element needs no wiring.
 *
 * @summary Connects the elements inside it to an OpenPRM server.
 * @slot - The page content with `prm-*` elements.
 *
 * @example
 * ```html
 * <prm-provider base-url="https://prm.example.com" token="prm_demo_partner1">
 *   <prm-registration-form></prm-registration-form>
 * </prm-provider>
 * ```
 * In production, set `getToken` to a function returning a short-lived session token minted by your
 * backend (`POST /v1/sessions`); never put a long-lived API key into a page.
 */
export class PrmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The server's address. @default the page's own origin */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** A bearer token; prefer `getToken` for expiring session tokens. */
  @property() token: string | undefined;

  /** Returns the current session token; called again after a 401. */
  @property({ attribute: false }) getToken: (() => string | Promise<string>) | undefined;

  /** A ready client; when set, `base-url`, `token` and `getToken` are ignored. */
  @property({ attribute: false }) client: PrmClient | undefined;

  /**
   * Keep the elements inside up to date: one server-sent event stream (`GET /v1/events`) for all
   * of them, reconnecting and resuming on its own; each element reloads when its data changes.
   */
  @property({ type: Boolean, reflect: true }) live = false;

  @provide({ context: clientContext })
  @state()
  protected providedClient: PrmClient | undefined;

  @provide({ context: liveEventsContext })
  @state()
  protected providedLiveEvents: (LiveEvents & { close(): void }) | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const clientChanged =
      changed.has('client') ||
      changed.has('baseUrl') ||
      changed.has('token') ||
      changed.has('getToken');
    if (clientChanged) {
      this.providedClient =
        this.client ??
        (this.token || this.getToken
          ? createPrmClient({
              baseUrl: this.baseUrl || globalThis.location.origin,
              token: this.token,
              getToken: this.getToken,
            })
          : undefined);
    }
    if (clientChanged || changed.has('live')) this.openLiveEvents();
  }

  private openLiveEvents(): void {
    this.providedLiveEvents?.close();
    const client = this.providedClient;
    this.providedLiveEvents =
      this.live && client && this.isConnected
        ? createLiveEvents((deliver) => {
            const subscription = client.events.subscribe(deliver);
            return () => subscription.close();
          })
        : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.openLiveEvents();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.providedLiveEvents?.close();
    this.providedLiveEvents = undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
