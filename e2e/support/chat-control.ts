// Stopping and starting the run's soketi from a spec, through the control server of
// e2e/support/global-setup.ts. Other specs share this soketi: keep outages to a few seconds.
async function control(action: "stop" | "start"): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error("E2E_CONTROL_URL is not set; run the specs through playwright.config.ts");
  const response = await fetch(`${base}/soketi/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`soketi ${action} failed: ${response.status} ${await response.text()}`);
}

export const stopSoketi = () => control("stop");
export const startSoketi = () => control("start");
