/** A field that failed validation, as `{path, message}` (`count.best`, `time.part`). */
export interface FieldError {
  path: string;
  message: string;
}

export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict';

/** A rule of the domain that a command broke; the shell maps `kind` to a status code. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(message: string, errors: FieldError[] = []): DomainError {
    return new DomainError('invalid', message, errors);
  }
  static notFound(message: string, errors: FieldError[] = []): DomainError {
    return new DomainError('not-found', message, errors);
  }
  static conflict(message: string, errors: FieldError[] = []): DomainError {
    return new DomainError('conflict', message, errors);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
