import fs from 'node:fs/promises';
import { CLINIC_TIME_ZONE_META } from '@confide/contract';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The web app's page with what it must know before its first render written into the head: the clinic's time
 * zone, so that the app shows and books times in the zone the server keeps (`CLINIC_TIME_ZONE`).
 */
export function pageWithClinicTimeZone(html: string, timeZone: string): string {
  const meta = `<meta name="${CLINIC_TIME_ZONE_META}" content="${escapeAttribute(timeZone)}" />`;
  return html.includes('</head>') ? html.replace('</head>', `    ${meta}\n  </head>`) : `${meta}${html}`;
}

/** Reads the built page on each request (it is small, and a rebuild shows without a restart). */
export async function readWebPage(indexHtml: string, timeZone: string): Promise<string> {
  return pageWithClinicTimeZone(await fs.readFile(indexHtml, 'utf8'), timeZone);
}
