// Any path the portal does not know.
import { A } from "@solidjs/router";
import type { Component } from "solid-js";
import { Page } from "../components/page.tsx";
import { useI18n } from "../i18n/index.ts";

export const NotFoundPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <A href="/">{t("notFound.home")}</A>
      </p>
    </Page>
  );
};
