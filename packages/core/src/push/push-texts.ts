/** Notification titles in the recipient's language (the body is the contact's name and dealer). */
export const PUSH_TITLES = {
  en: { new: "New conversation", assigned: "Assigned to you" },
  nl: { new: "Nieuw gesprek", assigned: "Aan jou toegewezen" },
  da: { new: "Ny samtale", assigned: "Tildelt dig" },
  de: { new: "Neue Unterhaltung", assigned: "Dir zugewiesen" },
} as const;

export const PUSH_VISITOR = { en: "Visitor", nl: "Bezoeker", da: "Besøgende", de: "Besucher" } as const;

export type TPushLocale = keyof typeof PUSH_TITLES;
export type TPushKind = keyof (typeof PUSH_TITLES)["en"];
