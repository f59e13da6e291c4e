/**
 * Every page of the site, as the browser tests and the accessibility audit visit them.
 *
 * @module
 */

/**
 * The home page, the config's pages and the pages of its sections, then the dynamic routes.
 *
 * @example
 * ```ts
 * sitePaths({ pages: [{ path: "/a" }, { pages: [{ path: "/b" }] }], dynamicPaths: ["/s/x"] }) // ["/", "/a", "/b", "/s/x"]
 * ```
 */
export function sitePaths(config: { pages: unknown[]; dynamicPaths?: string[] }): string[] {
  const listed = (config.pages as { path?: string; pages?: { path?: string }[] }[])
    .flatMap((p): { path?: string }[] => p.pages ?? [p]).map((p) => String(p.path));
  return [...new Set(["/", ...listed, ...(config.dynamicPaths ?? [])])];
}
