// Changing the shape of the scenario: add and name a role, add and edit a
// service, make its role mix add up to 100% with the button, reorder
// services with Up/Down, and remove one (after a confirm dialog).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('add a role and a service, and make the new role mix add up to 100%', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const nRoles = example.roles.length;
  const nServices = example.services.length;
  assert.ok(await page.getByRole('heading', { name: `Roles (${nRoles})` }).isVisible());

  // A new role card, named "New role N".
  await app.button('Add a role').click();
  const newRole = `New role ${nRoles + 1}`;
  await app.role(newRole).waitFor();
  await page.getByRole('heading', { name: `Roles (${nRoles + 1})` }).waitFor();
  assert.equal(await app.field('In post', newRole).inputValue(), '0');

  // Name it: the card's heading follows.
  await app.field('Role name', newRole).fill('Crisis café worker');
  const role = app.role('Crisis café worker');
  await role.waitFor();
  assert.equal(await app.role(newRole).count(), 0, 'the old heading is gone');
  await role.getByLabel('Staff group').selectOption({ label: 'New roles' });
  await role.getByLabel('Employer sector').selectOption({ label: 'Voluntary and community (VCSE)' });
  await app.field('In post', 'Crisis café worker').fill('5');
  await app.showAnalysis();
  const roleRow = app.roleTable().getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Crisis café worker' }) });
  await roleRow.waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('#role-table tbody tr')]
    .some((tr) => tr.cells[0].innerText === 'Crisis café worker' && tr.cells[3].innerText === '5.0'));
  assert.match(await roleRow.innerText(), /New roles[\s\S]*Voluntary and community \(VCSE\)/);
  await assertAccessible(page, 'role added');

  // A new service: named, edited.
  const withoutService = await app.extraWteValue();
  await app.button('Add a service').click();
  const newService = `New service ${nServices + 1}`;
  await app.service(newService).waitFor();
  await page.getByRole('heading', { name: `Services (${nServices + 1})` }).waitFor();
  await app.field('Service name', newService).fill('Crisis café');
  const cafe = app.service('Crisis café');
  await cafe.waitFor();
  await cafe.getByRole('checkbox', { name: 'Older people 65+' }).check();
  await app.field('Prevalence', 'Crisis café').fill('2');
  await app.field('Target coverage', 'Crisis café').fill('80');
  await cafe.getByLabel('How the work is counted').selectOption({ label: 'Contacts (sessions per person)' });
  await app.field('Contacts per person', 'Crisis café').fill('3');
  await app.field('Minutes per contact', 'Crisis café').fill('60');
  assert.equal(await app.staleBanner().count(), 0, 'every edit so far is valid');
  const servicesRow = (await app.inAnalysis()).servicesTable().getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Crisis café' }) });
  await servicesRow.waitFor();
  await assertAccessible(page, 'service added');

  // Its role mix starts at 100% on the first role; add the new role and give it 60%.
  const mix = cafe.getByRole('group', { name: 'Role mix: who delivers this service' });
  const firstRole = example.roles[0].name;
  assert.equal(await mix.getByLabel(firstRole, { exact: true }).inputValue(), '100');
  assert.match(await mix.getByText(/^Running total:/).innerText(), /Running total: 100%/);
  assert.equal(await mix.getByRole('button', { name: 'Make it add up to 100%' }).count(), 0, 'no button when it adds up');
  assert.equal(await mix.getByLabel('Crisis café worker', { exact: true }).count(), 0, 'the new role is not in the mix yet');
  await mix.getByLabel('Add a role to this mix').selectOption({ label: 'Crisis café worker' });
  const cafeShare = mix.getByLabel('Crisis café worker', { exact: true });
  await cafeShare.waitFor();
  assert.equal(await cafeShare.inputValue(), '0', 'a role joins the mix at 0%');
  const beforeText = await app.extraWte().innerText();
  await cafeShare.fill('60');
  await mix.getByText('Running total: 160%').waitFor();
  await app.errorSummary().waitFor();
  await app.staleBanner().waitFor();
  assert.equal(await app.extraWte().innerText(), beforeText, 'the headline keeps the last good value');
  assert.ok(await mix.evaluate((el) => el.classList.contains('field--error')), 'the role mix is marked as a problem');
  await assertAccessible(page, 'role mix off');
  await mix.scrollIntoViewIfNeeded();
  await screenshot(page, 'edit-structure-role-mix-off');

  await mix.getByRole('button', { name: 'Make it add up to 100%' }).click();
  await mix.getByText('Running total: 100%').waitFor();
  assert.equal(await mix.getByLabel(firstRole, { exact: true }).inputValue(), '62.5');
  assert.equal(await mix.getByLabel('Crisis café worker', { exact: true }).inputValue(), '37.5');
  await page.waitForFunction(() => !document.querySelector('#stale-banner'));
  assert.equal(await app.errorSummary().count(), 0, 'the problem is gone');
  const after = await app.extraWteValue();
  assert.ok(after > withoutService, `a new service needs more staff: ${withoutService} -> ${after}`);
  assert.notEqual(after, parseFigure(beforeText), 'moving WTE to the new role changes the gap');
  await page.waitForFunction(() => [...document.querySelectorAll('#role-table tbody tr')]
    .some((tr) => tr.cells[0].innerText === 'Crisis café worker' && Number(tr.cells[2].innerText) > 0));
  await assertAccessible(page, 'role mix fixed');
  await screenshot(page, 'edit-structure-fixed');

  // The API agrees the edited scenario (as autosaved) is valid and gives the headline.
  const saved = JSON.parse((await app.storage())['workforce-gap:current']);
  assert.equal(saved.roles.length, nRoles + 1);
  assert.equal(saved.services.at(-1).name, 'Crisis café');
  assert.deepEqual(saved.services.at(-1).ages, ['adults', 'older']);
  const r = await page.evaluate((s) => window.workforceGap.compute(s), saved);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.results.total.extra_wte.toFixed(1), String(after.toFixed(1)));

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('reorder services with Up and Down, and remove one after confirming', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const names = example.services.map((s) => s.name);
  assert.deepEqual(await app.cardNames('Services'), names);

  // The first can't go up, the last can't go down.
  assert.ok(await app.button(`Move ${names[0]} up`).isDisabled());
  assert.ok(await app.button(`Move ${names.at(-1)} down`).isDisabled());

  await app.button(`Move ${names[1]} up`).click();
  await page.waitForFunction((n) => document.querySelector('#services-editor tbody input')?.value === n, names[1]);
  assert.deepEqual(await app.cardNames('Services'), [names[1], names[0], ...names.slice(2)]);
  const firstRow = (await app.inAnalysis()).servicesTable().locator('tbody tr').first().getByRole('rowheader');
  assert.ok((await firstRow.innerText()).startsWith(names[1]), 'the services table follows the order');
  await app.button(`Move ${names[1]} down`).click();
  await app.button(`Move ${names[1]} down`).click();
  assert.deepEqual(await app.cardNames('Services'), [names[0], names[2], names[1], ...names.slice(3)]);
  await assertAccessible(page, 'services reordered');

  // Remove: cancelling the confirm keeps it.
  const victim = 'Perinatal mental health';
  const start = await app.extraWte().innerText();
  let message = '';
  page.once('dialog', (d) => { message = d.message(); d.dismiss(); });
  await app.button(`Remove ${victim}`).click();
  assert.match(message, /Remove the service "Perinatal mental health"\?/);
  assert.equal(await app.service(victim).count(), 1, 'cancel keeps the service');

  // Accepting removes it, and the results follow.
  page.once('dialog', (d) => d.accept());
  await app.button(`Remove ${victim}`).click();
  await app.service(victim).waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: `Services (${names.length - 1})` }).waitFor();
  const after = await app.waitForExtraWteChange(start);
  assert.ok(after < parseFigure(start), `fewer services need fewer staff: ${start} -> ${after}`);
  assert.equal(await (await app.inAnalysis()).servicesTable().getByRole('rowheader', { name: victim }).count(), 0);
  assert.equal(await app.cardNames('Services').then((n) => n.length), names.length - 1);
  await assertAccessible(page, 'service removed');
  await screenshot(page, 'edit-structure-removed');

  // The autosave has the new order and no removed service.
  const saved = JSON.parse((await app.storage())['workforce-gap:current']);
  assert.deepEqual(saved.services.map((s) => s.name), await app.cardNames('Services'));

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});
