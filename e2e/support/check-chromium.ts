// `npm test` runs this first: when no browser can be had, say so in one line before a minute of
// lint and unit tests and a build, instead of failing every browser spec at the end.
import { chooseChromium, NoChromiumError } from "./chromium";

chooseChromium().then(
  (choice) =>
    console.log(
      `Browser tests: ${choice.source === "npm" ? "Chromium from @sparticuz/chromium" : "Chromium"} at ${choice.executablePath}`,
    ),
  (error: unknown) => {
    console.error(error instanceof NoChromiumError ? error.message : error);
    process.exit(1);
  },
);
