/** Named size limits shared by every schema, each with the reason it is what it is. */

/** Ids are UUIDs (36), cuid2/nanoid (≤ 32) or numeric strings; 64 leaves room, no more. */
export const ID_MAX_LENGTH = 64;
/** A person's or a thing's display name: long enough for any real name, short enough for a card. */
export const NAME_MAX_LENGTH = 120;
/** Activity, book and announcement titles fit on one line of a listing. */
export const TITLE_MAX_LENGTH = 200;
/** One-paragraph summaries shown in listings and Open Graph descriptions. */
export const SUMMARY_MAX_LENGTH = 500;
/** Markdown bodies; a long article is ~10 000 characters, twice that is generous. */
export const DESCRIPTION_MAX_LENGTH = 20_000;
/** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
export const EMAIL_MAX_LENGTH = 254;
/** Browsers and proxies commonly cap URLs around 2 000 characters. */
export const URL_MAX_LENGTH = 2_048;
/** Free-text reasons (suspension, decline) are a sentence or two. */
export const REASON_MAX_LENGTH = 500;
/** `2025-06-10T18:00:00.000000000+08:00` is 35 characters; nanoseconds are the finest anyone sends. */
export const INSTANT_MAX_LENGTH = 40;
/** Short free-text notes such as a copy's condition remark. */
export const NOTE_MAX_LENGTH = 1_000;
/** IANA zone names are at most ~30 characters (`America/Argentina/ComodRivadavia`). */
export const TIME_ZONE_MAX_LENGTH = 64;
/** BCP 47 language tags in practice (`zh-Hans-CN`); 35 is the registry's recommended limit. */
export const LANGUAGE_TAG_MAX_LENGTH = 35;
/** Search text typed into a box; longer input is not a search. */
export const SEARCH_TEXT_MAX_LENGTH = 200;
/** Opaque paging cursors produced by the API. */
export const CURSOR_MAX_LENGTH = 512;
/** Largest page a list procedure returns, so one request cannot pull a whole table. */
export const PAGE_SIZE_MAX = 100;
/** Page size when the caller does not choose one. */
export const PAGE_SIZE_DEFAULT = 20;
/** Largest amount of money recorded (cents): 1 000 000.00 in any currency is no membership fee. */
export const CENTS_MAX = 100_000_000;
/** Account passwords: long passphrases beat complexity rules (NIST SP 800-63B asks for ≥ 8; we ask 10). */
export const PASSWORD_MIN_LENGTH = 10;
/** Hashing cost grows with length; 128 leaves room for any passphrase. */
export const PASSWORD_MAX_LENGTH = 128;
