/**
 * A request the service understood and will not carry out for this client: not its to control
 * (`forbidden`), or more than it may have at once (`too-many`).
 */
export class Refusal extends Error {
  constructor(
    readonly kind: 'forbidden' | 'too-many',
    message: string,
  ) {
    super(message);
  }
}
