// Lints the Camunda Forms with the Camunda Modeler's form linter (@camunda/form-linting). Errors fail;
// warnings are printed. The linter maps a platform version to the form-js version its Tasklist bundles and
// knows Camunda 7 up to 7.22 (form-js 1.8.7); Camunda 7.24's Tasklist renders the same form schema version
// (schemaVersion 16, in its lib/deps.js), so the forms are linted as 7.22 forms.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FormLinter } from '@camunda/form-linting';

const LINTED_AS = '7.22.0';
let errors = 0;
let warnings = 0;
for (const file of process.argv.slice(2)) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  if (!String(schema.executionPlatformVersion).startsWith('7.24')) {
    console.log(`${basename(file)}: error  executionPlatformVersion is ${schema.executionPlatformVersion}, expected 7.24.x`);
    errors++;
  }
  for (const report of new FormLinter().lint({ ...schema, executionPlatformVersion: LINTED_AS })) {
    if (report.category === 'error') {
      errors++;
    } else {
      warnings++;
    }
    if (report.category === 'error' || process.env.BPO_LINT_VERBOSE) {
      console.log(`${basename(file)}: ${report.category}  ${report.id}  ${report.message}`);
    }
  }
}
console.log(`form-linting: ${process.argv.length - 2} form(s), ${errors} error(s), ${warnings} warning(s)`
    + (warnings && !process.env.BPO_LINT_VERBOSE ? ' (BPO_LINT_VERBOSE=1 lists the warnings)' : ''));
process.exit(errors ? 1 : 0);
