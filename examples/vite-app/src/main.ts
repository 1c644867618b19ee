// One import per element you use: each registers its tag, and the bundler shares Lit, the SDK
// and the contract between them. `import '@openprm/elements'` would register all of them.
import '@openprm/elements/provider';
import '@openprm/elements/registration-form';
import '@openprm/elements/registration-list';

const status = document.querySelector<HTMLElement>('#status');

// Typed events: TypeScript knows `event.registration` from the elements' event map.
document.addEventListener('prm-registration-submitted', (event) => {
  if (status)
    status.textContent = `Registered ${event.registration.id} (${event.registration.status}).`;
});
