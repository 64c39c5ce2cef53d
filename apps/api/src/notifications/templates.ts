// E-mail texts per event kind and language. Parameters come from the outbox payload.
import type { Locale } from "@readers/domain";

export type MailLocale = Locale;

export interface RenderedMail {
  subject: string;
  text: string;
}

type Template = (p: Record<string, unknown>, association: string) => RenderedMail;

const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : String(v));

const templates: Record<string, Record<MailLocale, Template>> = {
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
