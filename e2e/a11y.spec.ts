// axe on every page at desktop size, light and dark: no serious or critical violations.
import { defineA11yTests } from "./support/a11y";

defineA11yTests();
