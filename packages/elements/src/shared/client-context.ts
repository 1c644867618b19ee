import { createContext } from '@lit/context';
import type { PrmClient } from '@openprm/sdk';

/**
 * The client a `<prm-provider>` hands to the elements inside it. The key is a registered symbol so
 * that elements from two bundles of this package on one page still find each other's provider.
 */
export const clientContext = createContext<PrmClient | undefined>(Symbol.for('openprm.client'));
