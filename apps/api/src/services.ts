// Long-lived things procedures need beyond the database: configuration and the worker kick.
import { type IsbnLookup, offLookup } from "./books/isbn-lookup.ts";

export interface Services {
  associationName(): string;
  /** The association's IANA time zone ("today" for every rule); admins may change it. */
  timezone: string;
  publicUrl: string;
  /** HMAC key that signs member-card QR codes (generated once, kept in the database). */
  cardKey: string;
  /** Book details by ISBN (Open Library, recorded fixtures, or off); cached in the database. */
  isbnLookup: IsbnLookup;
  /** Wake the outbox worker after a transaction that queued messages has committed. */
  notify(): void;
  /** Called after admin.updateSettings so every later request sees the new values. */
  settingsChanged(settings: { name: string; timezone: string }): void;
}

/** Services whose name and time zone follow admin.updateSettings. */
export function createServices(init: {
  name: string;
  timezone: string;
  publicUrl: string;
  cardKey: string;
  notify: () => void;
  /** Off unless given: nothing reaches the network by default. */
  isbnLookup?: IsbnLookup;
}): Services {
  let name = init.name;
  const services: Services = {
    associationName: () => name,
    timezone: init.timezone,
    publicUrl: init.publicUrl,
    cardKey: init.cardKey,
    isbnLookup: init.isbnLookup ?? offLookup,
    notify: init.notify,
    settingsChanged(settings) {
      name = settings.name;
      services.timezone = settings.timezone;
    },
  };
  return services;
}
