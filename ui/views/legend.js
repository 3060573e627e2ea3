// The colour key of the reader.
import { h } from '../dom.js';

export function legend() {
  const sw = (cls, label) => h('span', { class: ['legend-item', cls] }, label);
  return h(
    'div',
    { class: 'legend', 'aria-label': 'Legend' },
    sw('ent ent-person', 'Person'),
    sw('ent ent-organization', 'Organization'),
    sw('ent ent-location', 'Location'),
    sw('ent ent-other', 'Other'),
    h('q', { class: 'quote quote-direct legend-item' }, 'direct quote'),
    h('q', { class: 'quote quote-indirect legend-item' }, 'reported'),
    h('span', { class: 'legend-item legend-gs' }, h('span', { class: 'gs-bar' }), 'Goldstein −10 … +10'),
  );
}
