// A notification's link is a path of this app ("/directives/12"); anything else (another site,
// a protocol, "//host") is not followed.

export function safeLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  if (!link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return undefined;
  return link;
}
