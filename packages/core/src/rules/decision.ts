/** Why a rule decided as it did: a stable code plus a sentence a person can read. */
export interface Reason<Code extends string = string> {
  code: Code;
  message: string;
}

export interface Allowed<T> {
  ok: true;
  value: T;
  /** Notes that did not block, e.g. "flagged: contested by an earlier registration". */
  reasons: Reason[];
}

export interface Refused<Code extends string = string> {
  ok: false;
  /** The code of the first reason: what the API answers with. */
  code: Code;
  reasons: [Reason<Code>, ...Reason<Code>[]];
}

/** Every rule answers with a decision: allowed with a value, or refused with at least one reason. */
export type Decision<T, Code extends string = string> = Allowed<T> | Refused<Code>;

export const allow = <T>(value: T, reasons: Reason[] = []): Allowed<T> => ({
  ok: true,
  value,
  reasons,
});

export const refuse = <Code extends string>(
  code: Code,
  message: string,
  ...more: Reason<Code>[]
): Refused<Code> => ({ ok: false, code, reasons: [{ code, message }, ...more] });
