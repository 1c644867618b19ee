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
