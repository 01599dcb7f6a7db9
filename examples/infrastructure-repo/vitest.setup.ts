// Registers toBeCompatible, toPassRule, toFailRule, toHaveVerdict and toHaveNoUnknowns, and types them.
import 'calico-windows-compat/testing/vitest';
