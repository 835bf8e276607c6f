import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { signIn } from "./helpers";

/*
 * The channel simulator end to end, as a new user tries it: a customer writes on the simulated
 * WhatsApp of Northwind Amsterdam; the message arrives as a signed Meta webhook; the agent sees it
 * live with the WhatsApp icon and replies; the worker delivers the reply to the Meta stand-in;
 * the simulator shows it, and seeing it sends "read" back, which turns the agent's ticks blue.
 */

const SIMULATOR = `http://localhost:${getConfig().CHANNEL_SIMULATOR_PORT}/`;

test("a WhatsApp customer in the simulator and an agent in the inbox talk, with read ticks", async ({ browser }) => {
  // Four processes take part (web, gateway, worker, simulator); give a busy machine time.
  test.setTimeout(120_000);
  const suffix = String(Date.now()).slice(-7);
  const customer = `Sim Customer ${suffix}`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/);
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const simContext = await browser.newContext();
  const sim = await simContext.newPage();
  await sim.goto(SIMULATOR);
  await sim.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  const phone = sim.getByRole("region", { name: "WhatsApp chat" });
  await phone.getByRole("button", { name: "Change" }).click();
  await phone.getByLabel("Name", { exact: true }).fill(customer);
  await phone.getByLabel("Phone number").fill(`+31 6 1${suffix}`);
  await phone.getByRole("button", { name: "Done" }).click();
  await phone.getByPlaceholder("Message").fill(`Is the blue Polo still for sale? ${suffix}`);
  await phone.getByRole("button", { name: "Send", exact: true }).click();

  // Live in the inbox, with the WhatsApp icon, without a reload.
  const row = agent.getByTestId("conversation-row").filter({ hasText: customer });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole("img", { name: "WhatsApp" })).toBeVisible();
  await row.click();
  await expect(
    agent.getByTestId("message").filter({ hasText: `Is the blue Polo still for sale? ${suffix}` }),
  ).toBeVisible();
  await expect(agent.getByTestId("reply-window")).toContainText(/open/i);

  await agent.getByTestId("composer").fill(`Yes! Come by on Saturday. ${suffix}`);
  await agent.getByTestId("composer").press("Enter");

  // The simulator shows the reply (the worker sent it to the stand-in)…
  await expect(phone.getByText(`Yes! Come by on Saturday. ${suffix}`)).toBeVisible({ timeout: 20_000 });
  // …and having shown it, sends "read": the agent's ticks turn to read.
  const ticks = agent
    .getByTestId("message")
    .filter({ hasText: `Yes! Come by on Saturday. ${suffix}` })
    .getByTestId("delivery");
  await expect(ticks).toHaveAttribute("data-status", "READ", { timeout: 20_000 });

  await agentContext.close();
  await simContext.close();
});
