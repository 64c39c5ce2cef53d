// The portal: providers, then the router with the layout around every route.
import { Route, Router } from "@solidjs/router";
import type { Component } from "solid-js";
import { Layout } from "./components/layout.tsx";
import { createPortalI18n, I18nProvider, type PortalI18n } from "./i18n/index.ts";
import { ActivitiesPage } from "./routes/activities.tsx";
import { ActivityPage } from "./routes/activity.tsx";
import { AdminActivitiesPage } from "./routes/admin/activities.tsx";
import { EditActivityPage, NewActivityPage } from "./routes/admin/activity-edit.tsx";
import { AuditLogPage } from "./routes/admin/audit-log.tsx";
import { ImportMembersPage } from "./routes/admin/import-members.tsx";
import { KiosksPage } from "./routes/admin/kiosks.tsx";
import { LocationsPage } from "./routes/admin/locations.tsx";
import { MemberDetailPage } from "./routes/admin/member-detail.tsx";
import { MembersPage } from "./routes/admin/members.tsx";
import { RosterPage } from "./routes/admin/roster.tsx";
import { NewSeriesPage, SeriesPage } from "./routes/admin/series.tsx";
import { SettingsPage } from "./routes/admin/settings.tsx";
import { TiersPage } from "./routes/admin/tiers.tsx";
import { BookPage } from "./routes/book.tsx";
import { AddBookPage } from "./routes/book-add.tsx";
import { BookLabelPage } from "./routes/book-label.tsx";
import { BooksPage } from "./routes/books.tsx";
import { ForgotPasswordPage } from "./routes/forgot-password.tsx";
import { HomePage } from "./routes/home.tsx";
import { LoanPage, LoansPage } from "./routes/loans.tsx";
import { ManageRegistrationPage } from "./routes/manage-registration.tsx";
import { MemberCardPage } from "./routes/member-card.tsx";
import { MembershipPage } from "./routes/membership.tsx";
import { MyActivitiesPage } from "./routes/my-activities.tsx";
import { MyBooksPage } from "./routes/my-books.tsx";
import { NotFoundPage } from "./routes/not-found.tsx";
import { NotificationsPage } from "./routes/notifications.tsx";
import { ProfilePage } from "./routes/profile.tsx";
import { ResetPasswordPage } from "./routes/reset-password.tsx";
import { SignInPage } from "./routes/sign-in.tsx";
import { SignUpPage } from "./routes/sign-up.tsx";
import { SessionProvider } from "./session.tsx";

/** The route table, shared by the app and by tests (which use a memory history). */
export const Routes: Component = () => (
  <>
    <Route path="/" component={HomePage} />
    <Route path="/sign-in" component={SignInPage} />
    <Route path="/sign-up" component={SignUpPage} />
    <Route path="/forgot-password" component={ForgotPasswordPage} />
    <Route path="/reset-password" component={ResetPasswordPage} />
    <Route path="/notifications" component={NotificationsPage} />
    <Route path="/membership" component={MembershipPage} />
    <Route path="/membership/card" component={MemberCardPage} />
    <Route path="/profile" component={ProfilePage} />
    <Route path="/activities" component={ActivitiesPage} />
    <Route path="/activities/:id" component={ActivityPage} />
    <Route path="/my/activities" component={MyActivitiesPage} />
    <Route path="/registrations/manage" component={ManageRegistrationPage} />
    <Route path="/books" component={BooksPage} />
    <Route path="/books/add" component={AddBookPage} />
    <Route path="/books/mine" component={MyBooksPage} />
    <Route path="/books/copies/:copyId/label" component={BookLabelPage} />
    <Route path="/books/:id" component={BookPage} />
    <Route path="/loans" component={LoansPage} />
    <Route path="/loans/:id" component={LoanPage} />
    <Route path="/admin/members" component={MembersPage} />
    <Route path="/admin/members/import" component={ImportMembersPage} />
    <Route path="/admin/members/:id" component={MemberDetailPage} />
    <Route path="/admin/activities" component={AdminActivitiesPage} />
    <Route path="/admin/activities/new" component={NewActivityPage} />
    <Route path="/admin/activities/:id" component={EditActivityPage} />
    <Route path="/admin/activities/:id/roster" component={RosterPage} />
    <Route path="/admin/series/new" component={NewSeriesPage} />
    <Route path="/admin/series/:id" component={SeriesPage} />
    <Route path="/admin/locations" component={LocationsPage} />
    <Route path="/admin/kiosks" component={KiosksPage} />
    <Route path="/admin/tiers" component={TiersPage} />
    <Route path="/admin/audit" component={AuditLogPage} />
    <Route path="/admin/settings" component={SettingsPage} />
    <Route path="*404" component={NotFoundPage} />
  </>
);

export const App: Component<{ i18n?: PortalI18n }> = (props) => {
  const i18n = props.i18n ?? createPortalI18n();
  return (
    <I18nProvider value={i18n}>
      <SessionProvider>
        <Router root={Layout}>
          <Routes />
        </Router>
      </SessionProvider>
    </I18nProvider>
  );
};
