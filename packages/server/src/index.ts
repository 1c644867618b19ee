export { type AppOptions, createApp, DEMO_KEYS } from './app.js';
