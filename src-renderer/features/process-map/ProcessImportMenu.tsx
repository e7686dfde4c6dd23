// Temporary: "Import BPMN" and "New department from template" actions for the Processes page header
// (issue 3). Replaced by the process-map feature.
export default function ProcessImportMenu() {
  return null;
}
