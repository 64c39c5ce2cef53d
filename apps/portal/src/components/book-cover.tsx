// A book's cover, or a plain block with the title's first letter when there is none or it
// cannot be loaded (offline, blocked): decorative either way, the title is printed beside it.
import { type Component, createSignal, Show } from "solid-js";

export const BookCover: Component<{
  url: string | null;
  title: string;
  size?: "small" | "large";
}> = (props) => {
  const [failed, setFailed] = createSignal(false);
  const initial = () => Array.from(props.title.trim())[0] ?? "";
  return (
    <div class={`book-cover book-cover--${props.size ?? "small"}`} aria-hidden="true">
      <Show
        when={props.url && !failed()}
        fallback={<span class="book-cover__initial">{initial()}</span>}
      >
        <img
          src={props.url ?? undefined}
          alt=""
          loading="lazy"
          referrerpolicy="no-referrer"
          onError={() => setFailed(true)}
        />
      </Show>
    </div>
  );
};
