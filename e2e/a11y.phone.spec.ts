// axe on every page on a phone (Pixel 7), in light (dark's colours are checked on the desktop), and on the sheets
// a phone opens: no serious or critical violations.
import { defineA11yTests } from "./support/a11y";

defineA11yTests({ phone: true });
