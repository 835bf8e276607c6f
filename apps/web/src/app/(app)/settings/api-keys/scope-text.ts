"use client";

import { useTranslations } from "next-intl";

/** "conversations:read" → its resource and level; scopes other changes add still show (as written). */
export function splitScope(scope: string): { resource: string; level: string } {
  const [resource = scope, level = ""] = scope.split(":");
  return { resource, level };
}

/** Scopes grouped by resource, in the matrix's order: one row of checkboxes per resource. */
export function groupScopes(scopes: readonly string[]): { resource: string; scopes: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const { resource } = splitScope(scope);
    groups.set(resource, [...(groups.get(resource) ?? []), scope]);
  }
  return [...groups].map(([resource, list]) => ({ resource, scopes: list }));
}

/** Plain-language names of resources, levels and scopes; the raw scope when a translation is missing. */
export function useScopeText() {
  const t = useTranslations("apiKeys");
  return {
    resource: (resource: string) => (t.has(`resources.${resource}`) ? t(`resources.${resource}`) : resource),
    level: (level: string) => (t.has(`levels.${level}`) ? t(`levels.${level}`) : level),
    help: (scope: string) => {
      const key = `scopeHelp.${scope.replace(":", "_")}`;
      return t.has(key) ? t(key) : scope;
    },
  };
}
