// Long-lived things procedures need beyond the database: configuration and the worker kick.
import {
  type BookSharingSettings,
  BookSharingSettingsSchema,
  DEFAULT_BOOK_SHARING_SETTINGS,
} from "@readers/domain";
import { type IsbnLookup, offLookup } from "./books/isbn-lookup.ts";

/** What admins set for the whole association and every instance follows. */
export interface AdjustableSettings {
  name: string;
  timezone: string;
  /** How long a request waits for an answer, and a pickup for its borrower. */
  bookSharing: BookSharingSettings;
}

/**
 * Book-sharing settings from the settings row's `rules` (validated by the domain's schema);
 * anything missing or unreadable is the domain's default, so a bad row cannot stop lending.
 */
export function bookSharingSettingsOf(rules: Record<string, unknown> | null | undefined) {
  const parsed = BookSharingSettingsSchema.safeParse(rules?.bookSharing ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_BOOK_SHARING_SETTINGS };
}

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
  /** Waits of book sharing (admin setting; the domain's defaults until changed). */
  bookSharing: BookSharingSettings;
  /** Called after admin.updateSettings so every later request sees the new values. */
  settingsChanged(settings: AdjustableSettings): void;
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
  bookSharing?: BookSharingSettings;
}): Services {
  let name = init.name;
  const services: Services = {
    associationName: () => name,
    timezone: init.timezone,
    publicUrl: init.publicUrl,
    cardKey: init.cardKey,
    isbnLookup: init.isbnLookup ?? offLookup,
    notify: init.notify,
    bookSharing: init.bookSharing ?? { ...DEFAULT_BOOK_SHARING_SETTINGS },
    settingsChanged(settings) {
      name = settings.name;
      services.timezone = settings.timezone;
      services.bookSharing = settings.bookSharing;
    },
  };
  return services;
}
