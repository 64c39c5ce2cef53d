// The whole drizzle schema; later areas add their files here.
export * from "./activities.ts";
export * from "./association.ts";
export * from "./auth.ts";
export * from "./books.ts";
export * from "./kiosk.ts";
export * from "./members.ts";
export * from "./notifications.ts";
