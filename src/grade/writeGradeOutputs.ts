import { writeFileAtomic } from '../record/writeFileAtomic.js';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import type { GradeReport } from './GradedTest.js';
import { gradescopeResults } from './gradescopeResults.js';
import { renderJunit } from './renderJunit.js';

/**
 * Writes results.json (Gradescope) and, if asked, JUnit XML, each atomically (temporary file and
 * rename), so a reader never finds a partial file. Throws a DataError naming the file it could
 * not write.
 */
export async function writeGradeOutputs(report: GradeReport, out: string | undefined, junit: string | undefined): Promise<void> {
  if (out !== undefined) await writeJsonAtomic(out, gradescopeResults(report));
  if (junit !== undefined) await writeFileAtomic(junit, renderJunit(report), 'grade --junit');
}
