/**
 * The reference page's "Try it" behaviour, as plain browser JavaScript (no build step, no
 * third-party code). Responses are shown with textContent, so nothing a server returns is run.
 */
export const REFERENCE_SCRIPT = `
const tokenInput = document.getElementById('token');
tokenInput.value = sessionStorage.getItem('openprm-token') || '';
tokenInput.addEventListener('change', () => sessionStorage.setItem('openprm-token', tokenInput.value.trim()));
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const output = form.querySelector('output');
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const input of form.querySelectorAll('input[data-in]')) {
      if (input.value === '') continue;
      if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(input.value));
      else query.set(input.name, input.value);
    }
    const body = form.querySelector('textarea');
    const headers = {};
    const token = tokenInput.value.trim();
    if (token) headers.authorization = 'Bearer ' + token;
    if (body) headers['content-type'] = 'application/json';
    output.textContent = 'Sending…';
    try {
      const response = await fetch(path + (query.size ? '?' + query : ''), {
        method: form.dataset.method,
        headers,
        body: body ? body.value : undefined,
      });
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      output.textContent = response.status + ' ' + response.statusText + '\\n\\n' + shown;
    } catch (error) {
      output.textContent = 'Network error: ' + error.message;
    }
  });
}`;
