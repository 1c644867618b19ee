import { css } from 'lit';

export const reservationCheckStyles = css`
  .card {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .account {
    font-weight: 600;
    margin: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 600;
    width: fit-content;
    padding: 0.15em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge[data-status='open'] {
    color: var(--_green);
  }
  .badge[data-status='reserved_by_you'] {
    color: var(--_accent);
  }
  .badge[data-status='reserved_by_other'] {
    color: var(--_red);
  }
  .badge[data-status='vendor_direct'] {
    color: var(--_amber);
  }
  .hint {
    margin: 0;
    color: var(--_text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
