// Prints app-config.calico-windows-compat.yaml: the checks and the retriever's schedule, from the rule catalog.
import { formatChecksConfig } from './checks.js';

process.stdout.write(formatChecksConfig());
