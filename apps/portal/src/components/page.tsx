// One page's frame: its single <h1>, the document title, and focus on the heading after a
// client-side navigation so screen-reader users hear where they arrived.
import { usePageTitle } from "@readers/ui";
import { onMount, type ParentComponent } from "solid-js";
import { useI18n } from "../i18n/index.ts";

let firstPage = true;

export const Page: ParentComponent<{ title: string; class?: string }> = (props) => {
  const { t } = useI18n();
  let heading: HTMLHeadingElement | undefined;
  usePageTitle(
    () => props.title,
    () => t("app.name"),
  );
  onMount(() => {
    // The first page of a visit keeps the browser's own focus (top of the document).
    if (firstPage) firstPage = false;
    else heading?.focus();
  });
  return (
    <div class={props.class ? `page ${props.class}` : "page"}>
      <h1 ref={heading} tabindex="-1">
        {props.title}
      </h1>
      {props.children}
    </div>
  );
};
