// locations.*: the library sites where activities happen, kiosks stand and shelves are kept.
import { getLocation, listLocations, saveLocation } from "@readers/db";
import { IdSchema, NAME_MAX_LENGTH, NOTE_MAX_LENGTH } from "@readers/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditAction } from "../audit.ts";
import { adminProcedure, publicProcedure } from "../trpc/init.ts";

export const locationsRouter = {
  list: publicProcedure
    .meta({ action: "locations.list" })
    .query(async ({ ctx }) =>
      (await listLocations(ctx.db)).map((l) => ({ id: l.id, name: l.name, address: l.address })),
    ),

  save: adminProcedure
    .meta({ action: "locations.save" })
    .input(
      z.object({
        /** Absent: a new location, its id made from the name. */
        id: IdSchema.optional(),
        name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
        address: z.string().trim().max(NOTE_MAX_LENGTH).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        let id = input.id;
        if (!id) {
          // A readable id ("central-library"); a suffix when the name was used before.
          const base =
            input.name
              .toLowerCase()
              .normalize("NFKD")
              .replace(/[^a-z0-9]+/g, "-")
              .replace(/^-|-$/g, "")
              .slice(0, 40) || "location";
          id = base;
          for (let n = 2; await getLocation(tx, id); n++) id = `${base}-${n}`;
        }
        const row = await saveLocation(tx, {
          id,
          name: input.name,
          address: input.address || null,
        });
        await auditAction(
          tx,
          ctx,
          input.id ? "location.update" : "location.create",
          "location",
          id,
          { name: input.name },
        );
        return { id: row.id, name: row.name, address: row.address };
      }),
    ),
} satisfies TRPCRouterRecord;
