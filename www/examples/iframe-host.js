// The host side of the calculator's postMessage protocol (README:
// "Embedding"). Messages go only to the calculator's origin; answers are
// taken only from the calculator's window and origin.
const frame = document.getElementById('calculator');
const calculatorOrigin = new URL(frame.src, location.href).origin;
const extraWte = document.getElementById('host-extra-wte');
const status = document.getElementById('host-status');

// Everything received, for a person (or a test) to look at.
window.hostReceived = [];
let ready = false;

window.addEventListener('message', (event) => {
  if (event.origin !== calculatorOrigin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message.type !== 'string') return;
  window.hostReceived.push(message);
  switch (message.type) {
    case 'workforce-gap:ready':
      ready = true;
      status.textContent = `Connected to the calculator (version ${message.version}).`;
      break;
    case 'workforce-gap:results':
      if (message.ok) extraWte.textContent = message.results.total.extra_wte.toFixed(1);
      else status.textContent = `The calculator's inputs have ${message.errors.length} problem(s): ${message.errors[0].message}`;
      break;
    case 'workforce-gap:errors':
      status.textContent = `The calculator refused the plan: ${message.errors[0].path} ${message.errors[0].message}`;
      break;
    default:
  }
});

const send = (message) => frame.contentWindow.postMessage(message, calculatorOrigin);

// The calculator starts listening once it has loaded: ask until it answers.
function subscribe(tries = 0) {
  if (ready || tries > 80) return;
  send({ type: 'workforce-gap:subscribe' });
  setTimeout(() => subscribe(tries + 1), 250);
}
frame.addEventListener('load', () => subscribe());

async function plan() {
  return (await fetch('plan.json')).json();
}
document.getElementById('host-set').addEventListener('click', async () => {
  send({ type: 'workforce-gap:set-scenario', scenario: await plan() });
});
document.getElementById('host-set-bad').addEventListener('click', async () => {
  const mistaken = await plan();
  mistaken.places[0].need_index = -1;
  send({ type: 'workforce-gap:set-scenario', scenario: mistaken });
});
