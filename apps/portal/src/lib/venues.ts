// The venues an organizer can choose for an activity: the library locations an
// administrator has set up (locations.list), by name.
import { trpc } from "./trpc.ts";

export interface Venue {
  id: string;
  name: string;
  address?: string | null;
}

export async function listVenues(): Promise<Venue[]> {
  const locations = await trpc.locations.list.query();
  return [...locations].sort((a, b) => a.name.localeCompare(b.name));
}
