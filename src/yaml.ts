/**
 * `calico-windows-compat/yaml`: YAML and JSON text into values, with positions kept for errors.
 *
 * Browser-safe, but kept out of the main entry because the `yaml` parser is most of a bundle's weight.
 * Hostile text is refused cleanly: a size limit, YAML alias bombs (`maxAliasCount`), duplicate keys,
 * and nesting deep enough to exhaust the stack all give a {@link CompatError}, never a crash.
 * @packageDocumentation
 */
export {
  parseYamlDocuments,
  parseFactsText,
  parseManifestsText,
  parseValuesText,
  formatFactsYaml,
  DEFAULT_MAX_TEXT_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_MAPPING_ENTRIES,
  MAX_LOCATED_JSON_LENGTH,
  type TextOptions,
  type TextPosition,
  type TextDocument,
  type FactsYamlOptions,
} from './text/yaml.js';
export { CompatError } from './model/errors.js';
