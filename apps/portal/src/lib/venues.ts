// The venues (library locations) an organizer can choose for an activity.
//
// The API has no procedure that lists locations yet (packages/db has listLocations, but no
// router exposes it), so for now they are gathered from the activities organizers can
// see: drafts and the past year included. A venue nobody has used yet cannot be chosen
// from the list; the form then takes the location's id typed in (see activity-form-page).
import { allActivities } from "./activity-pages.ts";

export interface Venue {
  id: string;
  name: string;
}

/** How far back activities are read for their venues. */
const VENUE_LOOKBACK_DAYS = 366;

export async function knownVenues(now = new Date()): Promise<Venue[]> {
  const from = new Date(now.getTime() - VENUE_LOOKBACK_DAYS * 86_400_000).toISOString();
  const { items } = await allActivities({ from, limit: 100 }, 5);
  const venues = new Map<string, Venue>();
  for (const item of items) {
    if (item.location)
      venues.set(item.location.id, { id: item.location.id, name: item.location.name });
  }
  return [...venues.values()].sort((a, b) => a.name.localeCompare(b.name));
}
