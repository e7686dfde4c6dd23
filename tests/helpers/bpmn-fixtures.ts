import path from 'node:path';

/**
 * Real BPMN 2.0 files exported by Signavio, Camunda, Bizagi, bpmn.io, Yaoqiang, CaseAgile and Kogito,
 * copied verbatim from ../shared/fixtures/bpmn into the repository so that a clone tests on its own
 * (sources and licences in tests/fixtures/bpmn/README.md and SOURCES.md).
 */
export const BPMN_FIXTURES = path.resolve(__dirname, '../fixtures/bpmn');
