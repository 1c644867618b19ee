import type { Handlers } from '../http/router.js';
import { accountHandlers } from './accounts.js';

/** Every implemented endpoint's handler; the router answers 501 for the rest of the contract. */
export const handlers: Handlers = {
  ...accountHandlers,
};
