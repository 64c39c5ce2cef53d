// Live occupancy on the organizer's roster: the API streams an activity's check-ins as
// server-sent events (`/events/activities/:id`, session cookie), from every kiosk and every
// API instance. EventSource reconnects by itself; where it does not exist (tests, very old
// browsers) the roster simply stays as loaded.
import { onCleanup } from "solid-js";

export interface LiveOccupancy {
  activityId: string;
  checkedIn: number;
  capacity: number | null;
  free: number | null;
}

/** Calls `onChange` with every occupancy event for the activity while the owner lives. */
export function onLiveOccupancy(activityId: string, onChange: (o: LiveOccupancy) => void): void {
  if (typeof EventSource === "undefined") return;
  const source = new EventSource(`/events/activities/${encodeURIComponent(activityId)}`);
  source.addEventListener("occupancy", (event) => {
    try {
      const data = JSON.parse((event as MessageEvent<string>).data) as LiveOccupancy;
      if (data.activityId === activityId) onChange(data);
    } catch {
      // A malformed event is dropped; the next one carries the whole state again.
    }
  });
  onCleanup(() => source.close());
}
