export * from "./audit.ts";
export * from "./kiosks.ts";
export * from "./locations.ts";
export * from "./members.ts";
export * from "./notifications.ts";
export * from "./outbox.ts";
export * from "./settings.ts";
export * from "./users.ts";
