/**
 * Waivers files: YAML or JSON text into validated waivers, every problem with its line and column.
 * Kept out of `calico-windows-compat/yaml` because validating rule ids brings in the catalog.
 * @module
 */
import { CompatError, type InputIssue } from '../model/errors.js';
import { parseWaivers } from '../engine/waivers.js';
import { type ParseWaiversResult } from '../engine/waivers.js';
import { RULE_IDS } from '../catalog/ids.js';
import { parseYamlDocuments, type TextDocument, type TextOptions } from './yaml.js';

/**
 * Reads a waivers file's text (a list of waivers, or `{ waivers: [...] }`) and validates it with
 * {@link parseWaivers}; each problem carries its line and column. An empty file is no waivers.
 * Never throws.
 */
export function parseWaiversText(text: string, options: TextOptions = {}): ParseWaiversResult {
  const name = options.file ? ` in ${options.file}` : '';
  let documents: TextDocument[];
  try {
    documents = parseYamlDocuments(text, options);
  } catch (error) {
    if (error instanceof CompatError) return { success: false, error };
    throw error;
  }
  if (documents.length > 1)
    return {
      success: false,
      error: new CompatError('invalid-input', `Invalid waivers${name}:`, [
        { path: `document ${(documents[1]?.index ?? 1) + 1}`, code: 'multiple-documents', message: 'a waivers file holds one document' },
      ]),
    };
  const document = documents[0];
  const result = parseWaivers(document === undefined ? [] : document.value, RULE_IDS);
  if (result.success || document === undefined) return result;
  const issues = result.error.issues.map((issue): InputIssue => {
    // The nearest enclosing value that stands in the text: a missing key is reported at its entry.
    let position;
    for (let n = issue.segments?.length ?? -1; n >= 0 && position === undefined; n--) position = document.locate(issue.segments?.slice(0, n) ?? []);
    if (position === undefined) return issue;
    const location = options.file === undefined ? { ...position } : { file: options.file, ...position };
    return { ...issue, location };
  });
  return { success: false, error: new CompatError('invalid-input', `Invalid waivers${name}:`, issues) };
}
