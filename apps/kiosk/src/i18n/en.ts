// English texts of the kiosk. The source of truth for keys: zh-CN is typed against it.
export const en = {
  app: {
    name: "Readers kiosk",
    association: "Readers",
  },
  layout: {
    nav: "Kiosk",
    start: "Start",
    language: "Language",
  },
  connection: {
    checking: "Checking connection…",
    online: "Online",
    offline: "Offline — no network",
    "server-unreachable": "Server unreachable",
  },
  start: {
    title: "This kiosk is not paired yet",
    explanation:
      "Before readers can check in to activities or borrow and return books here, this kiosk has to be paired with a library location.",
    howTitle: "How to pair it",
    how: "An administrator of the association pairs the kiosk from the portal. Nothing needs to be typed in here.",
    readersTitle: "Here for an activity?",
    readers: "Please ask a volunteer at the desk. They can check you in.",
    today: "Today",
  },
  notFound: {
    back: "Back to the start screen",
  },
};

export type Catalog = typeof en;
