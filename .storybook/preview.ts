import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../packages/elements/custom-elements.json';

// Docs pages list each element's attributes, properties, events, slots, parts and custom
// properties from the manifest generated out of the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // Every story's API calls are answered by @openprm/mock's handlers (`parameters.msw`) in a service worker.
  loaders: [mswLoader()],
  tags: ['autodocs'],
  parameters: {
    // Accessibility violations fail the story's a11y check instead of only being listed.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
