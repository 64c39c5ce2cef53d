// Simplified Chinese texts of the kiosk; typed as the English catalog, so a missing or
// extra key fails the type check.
import type { Catalog } from "./en.ts";

export const zhCN: Catalog = {
  app: {
    name: "读者协会自助终端",
    association: "读者协会",
  },
  layout: {
    nav: "自助终端",
    start: "首页",
    language: "语言",
  },
  connection: {
    checking: "正在检查连接…",
    online: "已联网",
    offline: "离线——没有网络",
    "server-unreachable": "无法连接服务器",
  },
  start: {
    title: "此终端尚未配对",
    explanation: "此终端需要先与图书馆的某个地点配对，读者才能在这里签到参加活动、借书和还书。",
    howTitle: "如何配对",
    how: "由协会管理员在门户网站上完成配对，无需在此终端上输入任何内容。",
    readersTitle: "来参加活动？",
    readers: "请联系服务台的志愿者，他们可以为您签到。",
    today: "今天",
  },
  notFound: {
    back: "返回首页",
  },
};
