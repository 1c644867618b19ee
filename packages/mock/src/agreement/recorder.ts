import { type EndpointDefinition, type EndpointId, endpoints } from '@openprm/core';
import { isPrmError } from '@openprm/sdk';

export interface Outcome {
  step: string;
  status: number;
  code?: string;
  summary?: unknown;
}

/**
 * Records each step of a script: the status and a summary of a success (checked against the
 * contract's response schema first), or the status and code of an API error.
 */
export const recorder = () => {
  const outcomes: Outcome[] = [];
  const step = async <T>(
    name: string,
    id: EndpointId,
    call: () => Promise<T>,
    summarise: (value: T) => unknown = () => undefined,
  ): Promise<T | undefined> => {
    try {
      const value = await call();
      const checked = (endpoints[id] as EndpointDefinition).response?.safeParse(value);
      if (checked && !checked.success)
        throw new Error(`${name}: answer outside the contract of ${id}`);
      const summary = summarise(value);
      outcomes.push({
        step: name,
        status: endpoints[id].status,
        ...(summary === undefined ? {} : { summary }),
      });
      return value;
    } catch (error) {
      if (!isPrmError(error)) throw error;
      outcomes.push({ step: name, status: error.status ?? 0, code: error.code ?? '' });
      return undefined;
    }
  };
  return { outcomes, step };
};
