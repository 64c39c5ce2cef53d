// A member's own details — first and last name, phone, consent to the members' directory —
// as applying for a membership and the profile page both ask for them: their state, checks
// and input in one place, and the fields in one component.
import { type MemberProfileInput, MemberProfileInputSchema } from "@readers/domain";
import { type Component, createSignal } from "solid-js";
import type { Message } from "../i18n/index.ts";
import { useI18n } from "../i18n/index.ts";
import { checkPersonName, checkPhone } from "../lib/validation.ts";
import { CheckboxField, Field } from "./field.tsx";

export type MemberDetailsField = "firstName" | "lastName" | "phone";

export interface MemberDetailsInitial {
  firstName: string;
  lastName: string;
  phone?: string | null;
  directoryConsent?: boolean;
}

/**
 * The details' state. `asked()` says whether the form asks for them at all (the profile of
 * someone without a member record does not); the checks pass when it does not.
 */
export function createMemberDetails(
  initial: MemberDetailsInitial,
  asked: () => boolean = () => true,
) {
  const [firstName, setFirstName] = createSignal(initial.firstName);
  const [lastName, setLastName] = createSignal(initial.lastName);
  const [phone, setPhone] = createSignal(initial.phone ?? "");
  const [consent, setConsent] = createSignal(initial.directoryConsent ?? false);
  const when = (check: () => Message | undefined) => () => (asked() ? check() : undefined);
  return {
    firstName,
    setFirstName,
    lastName,
    setLastName,
    phone,
    setPhone,
    consent,
    setConsent,
    /** The checks, to spread into the form's `createFormState`. */
    checks: {
      firstName: when(() => checkPersonName(firstName(), "validation.firstNameRequired")),
      lastName: when(() => checkPersonName(lastName(), "validation.lastNameRequired")),
      phone: when(() => checkPhone(phone())),
    } satisfies Record<MemberDetailsField, () => Message | undefined>,
    /** What the server takes, parsed by the domain's schema. */
    input: (): MemberProfileInput =>
      MemberProfileInputSchema.parse({
        firstName: firstName(),
        lastName: lastName(),
        phone: phone(),
        directoryConsent: consent(),
      }),
  };
}

export type MemberDetails = ReturnType<typeof createMemberDetails>;

/** The four fields, wired to `details` and to the form's messages and focus. */
export const MemberDetailsFields: Component<{
  details: MemberDetails;
  message: (field: MemberDetailsField) => string | undefined;
  register: (field: MemberDetailsField) => (element: HTMLElement) => void;
}> = (props) => {
  const { t } = useI18n();
  const d = () => props.details;
  return (
    <>
      <Field
        id="firstName"
        label={t("membership.firstName")}
        autocomplete="given-name"
        value={d().firstName()}
        onInput={d().setFirstName}
        error={props.message("firstName")}
        ref={props.register("firstName")}
      />
      <Field
        id="lastName"
        label={t("membership.lastName")}
        autocomplete="family-name"
        value={d().lastName()}
        onInput={d().setLastName}
        error={props.message("lastName")}
        ref={props.register("lastName")}
      />
      <Field
        id="phone"
        label={t("membership.phone")}
        hint={t("membership.phoneHint")}
        type="tel"
        autocomplete="tel"
        required={false}
        value={d().phone()}
        onInput={d().setPhone}
        error={props.message("phone")}
        ref={props.register("phone")}
      />
      <CheckboxField
        id="directoryConsent"
        label={t("membership.directoryConsent")}
        hint={t("membership.directoryConsentHint")}
        checked={d().consent()}
        onChange={d().setConsent}
      />
    </>
  );
};
