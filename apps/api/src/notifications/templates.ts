// E-mail texts per event kind and language. Parameters come from the outbox payload.
import type { Locale } from "@readers/domain";

export type MailLocale = Locale;

export interface RenderedMail {
  subject: string;
  text: string;
}

type Template = (p: Record<string, unknown>, association: string) => RenderedMail;

const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : String(v));

// Activity messages carry instants and the association's zone; each language shows them its way.
function when(p: Record<string, unknown>, locale: "en-GB" | "zh-CN", key = "startsAt"): string {
  const value = p[key];
  if (typeof value !== "string") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: str(p.timeZone) || "UTC",
  }).format(date);
}

/** The lines after the greeting that every activity message shares: what, when, where. */
function activityLines(p: Record<string, unknown>, zh: boolean): string {
  const locale = zh ? "zh-CN" : "en-GB";
  const where = str(p.location);
  if (Array.isArray(p.sessions)) {
    // A series: its name and place here, each session's time below.
    const name = str(p.seriesTitle) || str(p.title);
    return zh
      ? `活动：${name}${where ? `\n地点：${where}` : ""}\n`
      : `${name}${where ? `\n${where}` : ""}\n`;
  }
  return zh
    ? `活动：${str(p.title)}\n时间：${when(p, locale)}${where ? `\n地点：${where}` : ""}\n`
    : `${str(p.title)}\n${when(p, locale)}${where ? `\n${where}` : ""}\n`;
}

/** A series booking lists its sessions. */
function sessionLines(p: Record<string, unknown>, zh: boolean): string {
  if (!Array.isArray(p.sessions)) return "";
  const locale = zh ? "zh-CN" : "en-GB";
  const label = (status: unknown) =>
    status === "waitlisted" ? (zh ? "（候补）" : " (waitlist)") : "";
  return `\n${p.sessions
    .map(
      (s: Record<string, unknown>) =>
        `- ${when({ ...s, timeZone: p.timeZone }, locale)}${label(s.status)}`,
    )
    .join("\n")}\n`;
}

/** What an activity was before it changed. */
function previousLine(p: Record<string, unknown>, zh: boolean): string {
  const previous = p.previous as Record<string, unknown> | undefined;
  if (!previous) return "";
  const at = when({ ...previous, timeZone: p.timeZone }, zh ? "zh-CN" : "en-GB");
  const where = str(previous.location);
  return zh
    ? `\n原为：${at}${where ? `，${where}` : ""}\n`
    : `\nIt was: ${at}${where ? `, ${where}` : ""}\n`;
}

/** Members manage bookings on the portal; guests through their manage link. */
function manageLine(p: Record<string, unknown>, zh: boolean): string {
  if (p.manageUrl) {
    return zh
      ? `\n查看或取消报名（请妥善保存此链接）：\n${str(p.manageUrl)}\n`
      : `\nTo view or cancel your registration (keep this link):\n${str(p.manageUrl)}\n`;
  }
  if (p.guest) {
    return zh
      ? "\n如需取消，请使用报名确认邮件中的链接。\n"
      : "\nTo cancel, use the link in your confirmation e-mail.\n";
  }
  return zh ? `\n活动详情：${str(p.url)}\n` : `\nDetails: ${str(p.url)}\n`;
}

/** A loan message's closing line: where to see it (the loan page, with its timeline). */
function loanLink(p: Record<string, unknown>, zh: boolean): string {
  return zh ? `\n查看借阅详情：${str(p.url)}\n` : `\nSee the loan: ${str(p.url)}\n`;
}

/** When a shelf copy must be collected by, in the association's zone. */
function pickupLine(p: Record<string, unknown>, zh: boolean): string {
  if (typeof p.pickupBy !== "string") return "";
  const by = when(p, zh ? "zh-CN" : "en-GB", "pickupBy");
  const where = str(p.location);
  return zh
    ? `\n请在 ${by} 前${where ? `到${where}的` : "到"}自助借书机取书。\n`
    : `\nPlease collect it${where ? ` from the ${where} shelf` : ""} at the kiosk by ${by}.\n`;
}

/** By when the owner answers a request (the association's wait), or "in time" without it. */
function answerLine(p: Record<string, unknown>, zh: boolean): string {
  if (typeof p.answerBy !== "string") {
    return zh
      ? "请及时接受或婉拒，逾期请求将自动失效。"
      : "Please accept or decline in time; after that the request lapses.";
  }
  const by = when(p, zh ? "zh-CN" : "en-GB", "answerBy");
  return zh
    ? `请在 ${by} 前接受或婉拒，逾期请求将自动失效。`
    : `Please accept or decline by ${by}; after that the request lapses.`;
}

const templates: Record<string, Record<MailLocale, Template>> = {
  loan_requested: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.borrowerName) || "a member"} would like to borrow ${str(p.title)}`,
      text: `Hello,\n\n${str(p.borrowerName) || "A member"} asks to borrow your copy of ${str(p.title)}.${str(p.message) ? `\n\nTheir message: "${str(p.message)}"` : ""}\n\n${answerLine(p, false)}\n${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：${str(p.borrowerName) || "一位会员"}想借阅《${str(p.title)}》`,
      text: `您好：\n\n${str(p.borrowerName) || "一位会员"}希望借阅您的《${str(p.title)}》。${str(p.message) ? `\n\n留言：「${str(p.message)}」` : ""}\n\n${answerLine(p, true)}\n${loanLink(p, true)}`,
    }),
  },
  loan_accepted: {
    en: (p, a) => ({
      subject: `${a}: you may borrow ${str(p.title)}`,
      text: `Hello,\n\nyour request for ${str(p.title)} was accepted.${pickupLine(p, false) || "\nArrange the hand-over with the owner; either of you confirms it on the portal.\n"}${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您可以借阅《${str(p.title)}》了`,
      text: `您好：\n\n您借阅《${str(p.title)}》的请求已被接受。${pickupLine(p, true) || "\n请与书主约定交接，任一方在门户网站上确认即可。\n"}${loanLink(p, true)}`,
    }),
  },
  loan_declined: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} is not available`,
      text: `Hello,\n\n${p.reason === "expired" ? (p.wasAccepted ? `${str(p.title)} was not collected in time, so the loan lapsed.` : `your request for ${str(p.title)} had no answer in time and lapsed.`) : `your request for ${str(p.title)} was declined.`}${str(p.note) && str(p.note) !== "withdrawn" ? `\n\nNote: ${str(p.note)}` : ""}\nYou can look for another copy on the portal.\n${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：《${str(p.title)}》暂时无法借阅`,
      text: `您好：\n\n${p.reason === "expired" ? (p.wasAccepted ? `《${str(p.title)}》未在期限内取书，本次借阅已失效。` : `您借阅《${str(p.title)}》的请求未在期限内获得回复，已自动失效。`) : `您借阅《${str(p.title)}》的请求未被接受。`}${str(p.note) && str(p.note) !== "withdrawn" ? `\n\n说明：${str(p.note)}` : ""}\n您可以在门户网站上寻找其他副本。\n${loanLink(p, true)}`,
    }),
  },
  loan_due_soon: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} is due on ${str(p.dueDate)}`,
      text: `Hello,\n\na reminder: ${str(p.title)} is due back on ${str(p.dueDate)}. If nobody is waiting for it you may be able to renew it on the portal.\n${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：《${str(p.title)}》将于 ${str(p.dueDate)} 到期`,
      text: `您好：\n\n提醒您：《${str(p.title)}》应于 ${str(p.dueDate)} 归还。如无人排队，您可以在门户网站上续借。\n${loanLink(p, true)}`,
    }),
  },
  loan_due_today: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} is due today`,
      text: `Hello,\n\n${str(p.title)} is due back today (${str(p.dueDate)}).\n${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：《${str(p.title)}》今天到期`,
      text: `您好：\n\n《${str(p.title)}》今天（${str(p.dueDate)}）到期，请按时归还。\n${loanLink(p, true)}`,
    }),
  },
  loan_overdue: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} is overdue`,
      text: `Hello,\n\n${str(p.title)} was due back on ${str(p.dueDate)} and has not been returned yet. Borrowing more waits until it is back.\n${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：《${str(p.title)}》已逾期`,
      text: `您好：\n\n《${str(p.title)}》应于 ${str(p.dueDate)} 归还，目前尚未归还。归还之前无法借阅其他图书。\n${loanLink(p, true)}`,
    }),
  },
  queue_turn: {
    en: (p, a) => ({
      subject: `${a}: your turn for ${str(p.title)}`,
      text: `Hello,\n\n${str(p.title)} is back and you were next in line.${p.state === "accepted" ? pickupLine(p, false) : "\nYour place became a request to the owner, who will answer soon.\n"}${loanLink(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：轮到您借阅《${str(p.title)}》了`,
      text: `您好：\n\n《${str(p.title)}》已归还，您排在第一位。${p.state === "accepted" ? pickupLine(p, true) : "\n您的排队已转为向书主发出的借阅请求，请等待回复。\n"}${loanLink(p, true)}`,
    }),
  },
  queue_ended: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} is no longer available`,
      text: `Hello,\n\nyou were in the queue for a copy of ${str(p.title)}, but ${p.reason === "lost" ? "it was reported lost" : p.reason === "given" ? "it was given away" : p.reason === "ineligible" ? "when it came free you could not borrow (membership, an overdue book or your loan limit)" : "its owner withdrew it"}, so your place has ended. Other copies may be available:\n${str(p.url)}\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：《${str(p.title)}》已无法借阅`,
      text: `您好：\n\n您排队等候的《${str(p.title)}》${p.reason === "lost" ? "已报失" : p.reason === "given" ? "已赠出" : p.reason === "ineligible" ? "空出时您暂时无法借阅（会员资格、逾期未还或已达借阅上限）" : "已被书主撤回"}，您的排队已结束。也许还有其他副本可借：\n${str(p.url)}\n`,
    }),
  },
  registration_confirmed: {
    en: (p, a) => ({
      subject: `${a}: you are registered for ${str(p.seriesTitle) || str(p.title)}`,
      text: `Hello,\n\nyour registration${Number(p.partySize) > 1 ? ` for ${str(p.partySize)} people` : ""} is confirmed:\n\n${activityLines(p, false)}${sessionLines(p, false)}${manageLine(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您已成功报名「${str(p.seriesTitle) || str(p.title)}」`,
      text: `您好：\n\n您的报名${Number(p.partySize) > 1 ? `（${str(p.partySize)} 人）` : ""}已确认：\n\n${activityLines(p, true)}${sessionLines(p, true)}${manageLine(p, true)}`,
    }),
  },
  registration_waitlisted: {
    en: (p, a) => ({
      subject: `${a}: you are on the waitlist for ${str(p.seriesTitle) || str(p.title)}`,
      text: `Hello,\n\nthe activity is full, so you are on the waitlist${Number(p.partySize) > 1 ? ` (a party of ${str(p.partySize)})` : ""}. If seats free up before the start you move up automatically, and we will tell you.\n\n${activityLines(p, false)}${sessionLines(p, false)}${manageLine(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您已进入「${str(p.seriesTitle) || str(p.title)}」的候补名单`,
      text: `您好：\n\n活动名额已满，您${Number(p.partySize) > 1 ? `（${str(p.partySize)} 人）` : ""}已进入候补名单。如活动开始前有空位，系统会自动为您递补并通知您。\n\n${activityLines(p, true)}${sessionLines(p, true)}${manageLine(p, true)}`,
    }),
  },
  waitlist_promoted: {
    en: (p, a) => ({
      subject: `${a}: a seat is yours — ${str(p.title)}`,
      text: `Hello,\n\nseats freed up and you moved up from the waitlist: your registration is now confirmed.\n\n${activityLines(p, false)}${manageLine(p, false)}\nIf you can no longer come, please cancel so the next person gets the seat.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您已从候补转为正式报名——${str(p.title)}`,
      text: `您好：\n\n有名额空出，您已从候补名单递补，报名已确认。\n\n${activityLines(p, true)}${manageLine(p, true)}\n如无法出席，请及时取消，以便把名额留给下一位。\n`,
    }),
  },
  activity_changed: {
    en: (p, a) => ({
      subject: `${a}: ${str(p.title)} has changed`,
      text: `Hello,\n\nthe time or place of an activity you registered for has changed. It is now:\n\n${activityLines(p, false)}${previousLine(p, false)}${manageLine(p, false)}`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：「${str(p.title)}」有变动`,
      text: `您好：\n\n您报名的活动时间或地点有变动，更新后为：\n\n${activityLines(p, true)}${previousLine(p, true)}${manageLine(p, true)}`,
    }),
  },
  activity_cancelled: {
    en: (p, a) => ({
      subject: `${a}: cancelled — ${str(p.title)}`,
      text: `Hello,\n\nwe are sorry: this activity has been cancelled.\n\n${activityLines(p, false)}${str(p.reason) ? `\nReason: ${str(p.reason)}\n` : ""}\nYour registration needs nothing more from you.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：活动取消——${str(p.title)}`,
      text: `您好：\n\n很抱歉，以下活动已取消。\n\n${activityLines(p, true)}${str(p.reason) ? `\n原因：${str(p.reason)}\n` : ""}\n您无需再做任何操作。\n`,
    }),
  },
  activity_reminder: {
    en: (p, a) => ({
      subject: `${a}: reminder — ${str(p.title)}`,
      text: `Hello,\n\na reminder of the activity you registered for:\n\n${activityLines(p, false)}${manageLine(p, false)}\nIf you cannot come, please cancel so someone on the waitlist gets your seat.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：活动提醒——${str(p.title)}`,
      text: `您好：\n\n提醒您参加已报名的活动：\n\n${activityLines(p, true)}${manageLine(p, true)}\n如无法出席，请及时取消，把名额留给候补的读者。\n`,
    }),
  },
  password_reset: {
    en: (p, a) => ({
      subject: `${a}: reset your password`,
      text: `Hello ${str(p.name)},\n\nSomeone (hopefully you) asked to reset the password of your ${a} account.\nOpen this link within one hour to choose a new one:\n\n${str(p.url)}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：重置密码`,
      text: `${str(p.name)}，您好：\n\n有人（希望是您本人）请求重置您在 ${a} 的账户密码。\n请在一小时内打开以下链接设置新密码：\n\n${str(p.url)}\n\n如果这不是您的操作，请忽略此邮件，您的密码不会改变。\n`,
    }),
  },
  membership_approved: {
    en: (p, a) => ({
      subject: `${a}: your membership is active`,
      text: `Hello,\n\nyour membership of ${a} is active from ${str(p.startDate)} to ${str(p.endDate)}.\nYour member card is on the portal, under Membership.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您的会员资格已生效`,
      text: `您好：\n\n您在 ${a} 的会员资格已生效，有效期为 ${str(p.startDate)} 至 ${str(p.endDate)}。\n会员卡可在门户网站的“会员”页面查看。\n`,
    }),
  },
  membership_expiring: {
    en: (p, a) => ({
      subject: `${a}: your membership ends in ${str(p.daysLeft)} days`,
      text: `Hello ${str(p.name)},\n\nyour ${str(p.tier)} membership of ${a} ends on ${str(p.endDate)}.\nYou can renew it on the portal, under Membership.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：您的会员资格将在 ${str(p.daysLeft)} 天后到期`,
      text: `${str(p.name)}，您好：\n\n您在 ${a} 的${str(p.tier)}会员资格将于 ${str(p.endDate)} 到期。\n您可以在门户网站的“会员”页面续期。\n`,
    }),
  },
  email_verification: {
    en: (p, a) => ({
      subject: `${a}: confirm your e-mail address`,
      text: `Hello ${str(p.name)},\n\nplease confirm that this is your e-mail address by opening this link within 24 hours:\n\n${str(p.url)}\n\nIf you did not create an account at ${a}, ignore this e-mail.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `${a}：请确认您的电子邮箱`,
      text: `${str(p.name)}，您好：\n\n请在 24 小时内打开以下链接，确认这是您的电子邮箱：\n\n${str(p.url)}\n\n如果您没有在 ${a} 注册账户，请忽略此邮件。\n`,
    }),
  },
  welcome: {
    en: (p, a) => ({
      subject: `Welcome to ${a}`,
      text: `Hello ${str(p.name)},\n\nyour account at ${a} is ready.\n`,
    }),
    "zh-CN": (p, a) => ({
      subject: `欢迎加入 ${a}`,
      text: `${str(p.name)}，您好：\n\n您在 ${a} 的账户已经开通。\n`,
    }),
  },
};

/** Renders `kind` in `locale` (English when the language or kind has no text of its own). */
export function renderMail(
  kind: string,
  locale: string,
  payload: Record<string, unknown>,
  association: string,
): RenderedMail {
  const byLocale = templates[kind];
  if (!byLocale) {
    return {
      subject: `${association}: ${kind.replaceAll("_", " ")}`,
      text: `${JSON.stringify(payload, null, 2)}\n`,
    };
  }
  const template = byLocale[locale === "zh-CN" ? "zh-CN" : "en"];
  return template(payload, association);
}
