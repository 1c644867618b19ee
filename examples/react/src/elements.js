// React components for the custom elements, made once with @lit/react: properties are set as
// properties (not attributes) and the elements' `prm-*` events become `on…` props.
import { createComponent } from '@lit/react';
import { PrmProvider, PrmSkillsFinder, PrmTrafficLightBoard } from '@openprm/elements';
import * as React from 'react';

export const Provider = createComponent({
  tagName: 'prm-provider',
  elementClass: PrmProvider,
  react: React,
});

export const SkillsFinder = createComponent({
  tagName: 'prm-skills-finder',
  elementClass: PrmSkillsFinder,
  react: React,
  events: { onPartnerSelected: 'prm-partner-selected' },
});

export const TrafficLightBoard = createComponent({
  tagName: 'prm-traffic-light-board',
  elementClass: PrmTrafficLightBoard,
  react: React,
  events: { onDrillDown: 'prm-drill-down' },
});
