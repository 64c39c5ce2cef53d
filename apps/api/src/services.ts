// Long-lived things procedures need beyond the database: configuration and the worker kick.
export interface Services {
  associationName(): string;
  timezone: string;
  publicUrl: string;
  /** Wake the outbox worker after a transaction that queued messages has committed. */
  notify(): void;
}
