import { writeFileAtomic } from '../record/writeFileAtomic.js';
import { type HtmlReportInput, renderHtmlReport } from './renderHtmlReport.js';

/** Renders the HTML report and writes it to `path` atomically (temporary file + rename). */
export async function writeHtmlReport(path: string, input: HtmlReportInput): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(input), 'writeHtmlReport');
}
