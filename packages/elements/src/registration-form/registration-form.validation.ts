import { issuesOf } from '@openprm/core';
import { requestChecks } from '@openprm/core/request-checks';

/** The form's fields, in the order they appear (the error summary lists them in this order). */
export const FIELDS = ['account', 'products', 'amount', 'currency', 'closeDate', 'notes'] as const;
export type FieldName = (typeof FIELDS)[number];

export const NOTES_MAX = 4000;

/** What the person typed, as the form holds it. */
export interface FormValues {
  accountId: string;
  products: string[];
  amount: string;
  currency: string;
  closeDate: string;
  notes: string;
}

/** The request body from the form's values; blanks become what the contract rejects, not guesses. */
export const toInput = (values: FormValues, partnerId: string | undefined) => ({
  accountId: values.accountId,
  products: values.products,
  estimatedValue: {
    amount: values.amount.trim() === '' ? Number.NaN : Number(values.amount),
    currency: values.currency,
  },
  expectedCloseDate: values.closeDate,
  ...(values.notes.trim() === '' ? {} : { notes: values.notes }),
  ...(partnerId ? { partnerId } : {}),
});

/** The field an error path belongs to (`estimatedValue.amount` → `amount`), from client or server. */
export const fieldOfPath = (path: string): FieldName | undefined => {
  const [head, next] = path.replace(/^body\./, '').split('.');
  if (head === 'accountId') return 'account';
  if (head === 'products') return 'products';
  if (head === 'estimatedValue') return next === 'currency' ? 'currency' : 'amount';
  if (head === 'expectedCloseDate') return 'closeDate';
  if (head === 'notes') return 'notes';
  return undefined;
};

/** The invalid fields by the contract's own schema, and the messages of errors that fit no field. */
export const invalidFields = (
  errors: readonly { path: string; message: string }[],
): { fields: Set<FieldName>; other: string[] } => {
  const fields = new Set<FieldName>();
  const other: string[] = [];
  for (const error of errors) {
    const field = fieldOfPath(error.path);
    if (field) fields.add(field);
    else other.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return { fields, other };
};

/**
 * Checks the body as the server would (the contract's `SubmitRegistrationInput`, compiled to the
 * request check the SDK uses too, so the form does not bundle zod).
 */
export const validateInput = (input: unknown): { path: string; message: string }[] =>
  issuesOf(requestChecks['registrations.submit'].body, input).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));

/** `"storage, networking"` → `['storage', 'networking']`, without blanks or repeats. */
export const splitProducts = (text: string, existing: readonly string[]): string[] => {
  const added: string[] = [];
  for (const part of text.split(',')) {
    const product = part.trim();
    if (product && !existing.includes(product) && !added.includes(product)) added.push(product);
  }
  return added;
};

/** `products` with those in `text` added; the same array when none of them is new. */
export const withProducts = (products: string[], text: string): string[] => {
  const added = splitProducts(text, products);
  return added.length > 0 ? [...products, ...added] : products;
};

/** Typing in the products input: a comma finishes a product, what follows it is still a draft. */
export const typeProducts = (
  text: string,
  products: string[],
): { products: string[]; draft: string } => {
  const lastComma = text.lastIndexOf(',');
  if (lastComma === -1) return { products, draft: text };
  return {
    products: withProducts(products, text.slice(0, lastComma)),
    draft: text.slice(lastComma + 1),
  };
};

/**
 * One `Idempotency-Key` per filled-in form: the same values keep the key (a retry after a network
 * failure replays rather than duplicates), changed values get a new one (the server would refuse
 * the old key with another body).
 */
/** A v4 UUID; `crypto.randomUUID` exists only on secure pages, `getRandomValues` everywhere. */
export const randomKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export class SubmissionKey {
  private current: { key: string; fingerprint: string } | undefined;

  constructor(private readonly generate: () => string = randomKey) {}

  for(input: unknown): string {
    const fingerprint = JSON.stringify(input);
    if (this.current?.fingerprint !== fingerprint) {
      this.current = { key: this.generate(), fingerprint };
    }
    return this.current.key;
  }

  /** After a success or a reset the next submission is a new one. */
  forget(): void {
    this.current = undefined;
  }
}
