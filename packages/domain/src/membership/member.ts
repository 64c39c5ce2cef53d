/** A member: the person behind memberships, with the number and card version on their card. */
import { z } from "zod";
import { EmailSchema, IdSchema, PersonNameSchema } from "../shared/schemas.js";
import { MemberNumberSchema } from "./member-number.js";

/** A member of the association. */
export const MemberSchema = z.object({
  id: IdSchema,
  /** The sign-in account, if the member has one (imported members may not yet). */
  userId: IdSchema.nullable().default(null),
  memberNumber: MemberNumberSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  email: EmailSchema,
  /** Bumped when a card is reported lost; QR codes with an older version are refused. */
  cardVersion: z.number().int().min(1).default(1),
});

/** A member (parsed). */
export type Member = z.output<typeof MemberSchema>;
