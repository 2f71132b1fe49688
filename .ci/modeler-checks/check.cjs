// The checks Camunda Modeler applies to what a process owner opens, run over the repository's models:
// every BPMN file through bpmnlint (processes/.bpmnlintrc: bpmnlint's recommended rules and Camunda 7.24
// compatibility), every element template through the official validator. Any error or warning fails.
// Each check first runs on a broken fixture and must find it broken, so a check that cannot fail fails.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { validateAll } = require('@bpmn-io/element-templates-validator');

const root = path.resolve(__dirname, '..', '..');
const bpmnlint = require.resolve('bpmnlint/bin/bpmnlint.js');

function lint(files) {
  try {
    execFileSync(process.execPath, [bpmnlint, '--config', path.join(root, 'processes', '.bpmnlintrc'), ...files],
      { cwd: __dirname, stdio: 'pipe', encoding: 'utf8' });
    return '';
  } catch (failed) {
    return (failed.stdout || '') + (failed.stderr || '') || String(failed);
  }
}

function templateProblems(file) {
  const result = validateAll(JSON.parse(fs.readFileSync(file, 'utf8')));
  return result.valid ? [] : result.results.flatMap(r => (r.errors || []).map(e => `${path.basename(file)}: ${e.message}`));
}

function within(folder, extension) {
  return fs.readdirSync(folder).filter(f => f.endsWith(extension)).sort().map(f => path.join(folder, f));
}

let failed = false;
const fixtures = path.join(root, 'src', 'test', 'resources', 'lint');

if (!lint([path.join(fixtures, 'processes', 'broken.bpmn')])) {
  console.error('bpmnlint found nothing wrong with the broken fixture: the check itself is broken');
  failed = true;
}
const models = within(path.join(root, 'processes'), '.bpmn');
const lintReport = lint(models);
if (lintReport) {
  console.error(lintReport);
  failed = true;
} else {
  console.log(`bpmnlint: ${models.length} models, no problems`);
}

if (templateProblems(path.join(fixtures, 'element-templates', 'broken-template.json')).length === 0) {
  console.error('the element template validator passed the broken fixture: the check itself is broken');
  failed = true;
}
const templates = within(path.join(root, 'processes', '.camunda', 'element-templates'), '.json');
for (const template of templates) {
  const problems = templateProblems(template);
  problems.forEach(problem => console.error(problem));
  failed = failed || problems.length > 0;
}
if (!failed) {
  console.log(`element templates: ${templates.length} valid`);
}
process.exit(failed ? 1 : 0);
