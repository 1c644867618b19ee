import type { Registration } from '@openprm/core';
import type { PrmClient } from '@openprm/sdk';
import type { ReactiveControllerHost } from 'lit';
import type { AuditState } from './registration-list.detail.js';

/** Which rows are open, and the history (audit trail) of each open row as it loads. */
export class RowDetails {
  expanded: ReadonlySet<string> = new Set();
  audits: ReadonlyMap<string, AuditState> = new Map();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => PrmClient | undefined,
  ) {}

  /** Opens a closed row (loading its history) or closes an open one. */
  toggle(registration: Registration): void {
    const expanded = new Set(this.expanded);
    if (expanded.delete(registration.id)) {
      this.set({ expanded });
      return;
    }
    expanded.add(registration.id);
    this.set({ expanded });
    void this.load(registration.id);
  }

  /** Loads a row's history (again); a reload keeps the history on screen until the new one arrives. */
  async load(id: string): Promise<void> {
    const client = this.client();
    if (!client) return;
    const retry = () => void this.load(id);
    const shown = this.audits.get(id)?.events;
    this.setAudit(id, shown ? { events: shown, retry } : { retry });
    try {
      const { data } = await client.registrations.audit(id);
      this.setAudit(id, { events: data, retry });
    } catch (error) {
      this.setAudit(id, { error, retry });
    }
  }

  /** The same list reloaded: rows that left it close, the open ones reload their history. */
  keep(rows: readonly Registration[]): void {
    const present = new Set(rows.map((row) => row.id));
    const expanded = new Set([...this.expanded].filter((id) => present.has(id)));
    this.set({ expanded, audits: new Map([...this.audits].filter(([id]) => expanded.has(id))) });
    for (const id of this.expanded) void this.load(id);
  }

  /** Another list: every row starts closed. */
  reset(): void {
    this.set({ expanded: new Set(), audits: new Map() });
  }

  private setAudit(id: string, audit: AuditState): void {
    this.set({ audits: new Map(this.audits).set(id, audit) });
  }

  private set(changes: Partial<Pick<RowDetails, 'expanded' | 'audits'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}
