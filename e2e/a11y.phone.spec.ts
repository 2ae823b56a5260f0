// axe on every page on a phone (Pixel 7), light and dark, and on the sheets a phone opens: no
// serious or critical violations.
import { defineA11yTests } from "./support/a11y";

defineA11yTests({ phone: true });
