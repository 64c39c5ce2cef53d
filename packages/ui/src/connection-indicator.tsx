// Shows the connection state as a coloured dot plus words (never colour alone), announced
// politely to screen readers when it changes.
import type { Component } from "solid-js";
import type { ConnectionState } from "./connection.ts";

export interface ConnectionIndicatorProps {
  state: ConnectionState;
  /** The words for each state, in the current language. */
  labels: Record<ConnectionState, string>;
  class?: string;
}

export const ConnectionIndicator: Component<ConnectionIndicatorProps> = (props) => (
  <p
    role="status"
    class={props.class ? `connection-indicator ${props.class}` : "connection-indicator"}
    data-state={props.state}
  >
    <span class="connection-indicator__dot" aria-hidden="true" />
    <span>{props.labels[props.state]}</span>
  </p>
);
