/** The demo tenants and sign-ins. Fixed ids keep the seed idempotent (safe to run on every start). */
export const DEMO_PASSWORD = "Forecourt-demo-2026";

export const DEMO_IDS = {
  northwind: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c01",
  amsterdam: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c02",
  copenhagen: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c03",
  vanDerMeer: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c04",
  vanDerMeerUtrecht: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c05",
} as const;

export type TDemoUser = {
  email: string;
  name: string;
  locale: "en" | "nl";
  providerRole?: "SUPPORT" | "MANAGED_AGENT";
  memberships?: {
    customerId: string;
    role: "OWNER" | "ADMIN" | "SUPERVISOR" | "AGENT";
    dealerIds?: string[];
  }[];
  /** What the start command prints next to the sign-in. */
  description: string;
};

export const DEMO_USERS: TDemoUser[] = [
  {
    email: "support@forecourt.example",
    name: "Sam Support",
    locale: "en",
    providerRole: "SUPPORT",
    description: "provider support (provider console)",
  },
  {
    email: "managed@forecourt.example",
    name: "Mara Managed",
    locale: "en",
    providerRole: "MANAGED_AGENT",
    description: "provider managed agent (Plus tier: the managed queue)",
  },
  {
    email: "owner@northwind.example",
    name: "Olivia Owner",
    locale: "en",
    memberships: [
      { customerId: DEMO_IDS.northwind, role: "OWNER" },
      { customerId: DEMO_IDS.vanDerMeer, role: "ADMIN" },
    ],
    description: "Northwind Motors owner, also admin of Van der Meer Auto (workspace switcher)",
  },
  {
    email: "admin@northwind.example",
    name: "Adam Admin",
    locale: "en",
    memberships: [{ customerId: DEMO_IDS.northwind, role: "ADMIN" }],
    description: "Northwind Motors admin",
  },
  {
    email: "agent.amsterdam@northwind.example",
    name: "Anna de Vries",
    locale: "nl",
    memberships: [{ customerId: DEMO_IDS.northwind, role: "AGENT", dealerIds: [DEMO_IDS.amsterdam] }],
    description: "agent, Northwind Amsterdam (Dutch UI)",
  },
  {
    email: "agent.copenhagen@northwind.example",
    name: "Mads Jensen",
    locale: "en",
    memberships: [{ customerId: DEMO_IDS.northwind, role: "AGENT", dealerIds: [DEMO_IDS.copenhagen] }],
    description: "agent, Northwind Copenhagen",
  },
  {
    email: "owner@vandermeer.example",
    name: "Pieter van der Meer",
    locale: "nl",
    memberships: [{ customerId: DEMO_IDS.vanDerMeer, role: "OWNER" }],
    description: "Van der Meer Auto owner (single dealer)",
  },
];
