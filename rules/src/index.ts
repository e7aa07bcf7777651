// The rule catalogue: every rule, in the order of the README table.
import type { Rule } from "@safeharbor/server/engine";
import claimOutcomeGuarantee from "./claim/outcome-guarantee";
import phiAgeOver89 from "./phi/age-over-89";
import phiContact from "./phi/contact";
import phiDate from "./phi/date";
import phiHealthDetail from "./phi/health-detail";
import phiLocation from "./phi/location";
import phiOtherIdentifier from "./phi/other-identifier";
import phiPatientName from "./phi/patient-name";
import phiRecordNumber from "./phi/record-number";
import phiUrlOrHandle from "./phi/url-or-handle";
import imagePatientPhoto from "./image/patient-photo";
import reviewConfirmsPatient from "./review/confirms-patient";
import reviewDisclosesCare from "./review/discloses-care";
import reviewNamesReviewer from "./review/names-reviewer";
import socialPublicReply from "./social/public-reply";
import storyPatientStory from "./story/patient-story";
import testimonialIdentifiablePatient from "./testimonial/identifiable-patient";

export { AUTHORIZATION_MESSAGES, capForConsentClaim, defineRule, withAuthorization } from "./define";

/** Every rule that ships. */
export const rules: readonly Rule[] = [
  phiPatientName,
  phiLocation,
  phiDate,
  phiAgeOver89,
  phiContact,
  phiRecordNumber,
  phiUrlOrHandle,
  phiOtherIdentifier,
  phiHealthDetail,
  testimonialIdentifiablePatient,
  storyPatientStory,
  reviewConfirmsPatient,
  reviewDisclosesCare,
  reviewNamesReviewer,
  imagePatientPhoto,
  claimOutcomeGuarantee,
  socialPublicReply,
];
