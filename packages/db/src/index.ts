// @readers/db: schema, migrations, the client factory and repositories.
export * from "./client.ts";
export * from "./data-dir-lock.ts";
export * from "./live.ts";
export * from "./lookup-batcher.ts";
export * from "./repositories/index.ts";
export * from "./schema/index.ts";
