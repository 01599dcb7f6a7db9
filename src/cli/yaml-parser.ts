/** The YAML parser, bundled as a file of its own beside the CLI (`dist/cli-yaml.cjs`): read only for YAML. */
export * from 'yaml';
