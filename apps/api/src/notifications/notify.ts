// Turns a domain notification event into outbox rows, inside the caller's transaction:
// who is told and on which channels is the domain's decision (planNotifications).
import { enqueueOutbox, getMemberById, getUserById, type Tx } from "@readers/db";
import { type NotificationEvent, planNotifications, type Recipient } from "@readers/domain";

export async function enqueueNotification(
  tx: Tx,
  event: NotificationEvent,
  payload: Record<string, unknown>,
  options: { dedupeKey?: string } = {},
): Promise<number> {
  let queued = 0;
  const messages = planNotifications(event);
  // With several recipients (an overdue loan tells borrower and owner) the key names the
  // recipient too, or the second one's message would be taken for a duplicate; single-
  // recipient keys stay as they always were.
  const manyRecipients = new Set(messages.map((m) => recipientKey(m.recipient))).size > 1;
  // A member is told on several channels: their member and account rows are read once.
  const addresses = new Map<string, Promise<Address | null>>();
  for (const message of messages) {
    let userId: string | null = null;
    let toEmail: string | null = null;
    let locale = "en";
    if (message.recipient.kind === "member") {
      const memberId = message.recipient.memberId;
      let address = addresses.get(memberId);
      if (!address) {
        address = addressOf(tx, memberId);
        addresses.set(memberId, address);
      }
      const found = await address;
      if (!found) continue;
      ({ userId, toEmail, locale } = found);
      // A member without an account (imported) can only be reached by e-mail.
      if (message.channel === "in_app" && !userId) continue;
    } else {
      toEmail = message.recipient.email;
    }
    if (message.channel === "email" && !toEmail) continue;
    queued += await enqueueOutbox(tx, {
      kind: message.kind,
      channel: message.channel,
      userId,
      toEmail: message.channel === "email" ? toEmail : null,
      locale,
      payload,
      dedupeKey: options.dedupeKey
        ? `${options.dedupeKey}${manyRecipients ? `:${recipientKey(message.recipient)}` : ""}:${message.channel}`
        : undefined,
    });
  }
  return queued;
}

function recipientKey(recipient: Recipient): string {
  return recipient.kind === "member" ? `m:${recipient.memberId}` : `e:${recipient.email}`;
}

interface Address {
  userId: string | null;
  toEmail: string | null;
  locale: string;
}

/** A member's e-mail address and account (for in-app and the locale); null once erased. */
async function addressOf(tx: Tx, memberId: string): Promise<Address | null> {
  const member = await getMemberById(tx, memberId);
  if (!member || member.erasedAt) return null;
  if (!member.userId) return { userId: null, toEmail: member.email, locale: "en" };
  const account = await getUserById(tx, member.userId);
  return { userId: account?.id ?? null, toEmail: member.email, locale: account?.locale ?? "en" };
}
