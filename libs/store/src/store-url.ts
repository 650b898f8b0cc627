/** A store URL as messages and logs may show it: its credentials replaced by `***`. */
export function describeStoreUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
