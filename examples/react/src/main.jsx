import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Provider, SkillsFinder, TrafficLightBoard } from './elements.js';

function App() {
  const [chosen, setChosen] = React.useState(null);
  const [drilled, setDrilled] = React.useState(null);
  return (
    <Provider token="prm_demo_manager" live>
      <main style={{ maxWidth: '64rem', margin: '0 auto', fontFamily: 'system-ui, sans-serif' }}>
        <h1>Partner finder</h1>
        <p role="status">
          {chosen ? `Chosen: ${chosen.partner.name}` : 'Search, then choose a partner.'}
          {drilled ? ` · Looking at ${drilled}` : ''}
        </p>
        <SkillsFinder skills="networking" onPartnerSelected={(event) => setChosen(event.partner)} />
        <h2>Scorecards</h2>
        <TrafficLightBoard groupBy="region" onDrillDown={(event) => setDrilled(event.partnerId)} />
      </main>
    </Provider>
  );
}

createRoot(document.getElementById('root')).render(<App />);
