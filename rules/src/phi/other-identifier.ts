// phi/other-identifier: vehicle and device identifiers, IP addresses, biometrics tied to a patient.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/other-identifier",
    description: "Flags vehicle and device identifiers, serial numbers, IP addresses and biometrics tied to a patient.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(L)\u2013(P), (R)",
    category: "Vehicle, device, IP, biometric and other unique identifiers",
    messages: {
      tied: "Unique identifier of a patient (vehicle, device, IP address or biometric; Safe Harbor identifiers L\u2013P, R); remove it.",
      alone: "Looks like a unique identifier (vehicle, device serial, IP address); make sure it does not belong to a patient.",
    },
    docs: `Vehicle identifiers (VINs, licence plates), device identifiers and serial numbers (an implant's
serial), IP addresses, biometric identifiers (fingerprints, retina scans, voiceprints) and any other
unique number are Safe Harbor identifiers. They are errors next to a patient, and hints elsewhere.
Fix: remove them.`,
  },
  types: ["vehicle", "device", "ip", "biometric", "other"],
  element: "contact",
  untied: "hint",
});
