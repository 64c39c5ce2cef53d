// Turns a domain notification event into outbox rows, inside the caller's transaction:
// who is told and on which channels is the domain's decision (planNotifications).
import { enqueueOutbox, getMemberById, getUserById, type Tx } from "@readers/db";
import { type NotificationEvent, planNotifications } from "@readers/domain";

export async function enqueueNotification(
  tx: Tx,
  event: NotificationEvent,
  payload: Record<string, unknown>,
  options: { dedupeKey?: string } = {},
): Promise<number> {
  let queued = 0;
  for (const message of planNotifications(event)) {
    let userId: string | null = null;
    let toEmail: string | null = null;
    let locale = "en";
    if (message.recipient.kind === "member") {
      const member = await getMemberById(tx, message.recipient.memberId);
      if (!member || member.erasedAt) continue;
      toEmail = member.email;
      if (member.userId) {
        const account = await getUserById(tx, member.userId);
        userId = account?.id ?? null;
        locale = account?.locale ?? "en";
      }
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
      dedupeKey: options.dedupeKey ? `${options.dedupeKey}:${message.channel}` : undefined,
    });
  }
  return queued;
}
