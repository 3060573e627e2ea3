// Entry point: the routes of the UI.
import { route, start } from './router.js';
import { homeView } from './views/home.js';
import { readerView } from './views/reader.js';
import { actorView } from './views/actor.js';
import { quotesView } from './views/quotes.js';
import { dyadView } from './views/dyad.js';
import { mapView } from './views/map.js';
import { searchView } from './views/search.js';

route('/', homeView);
route('/article/:id', readerView);
route('/entity/:key', actorView);
route('/quotes', quotesView);
route('/dyad', dyadView);
route('/map', mapView);
route('/search', searchView);

const main = document.getElementById('main');
start(main, (path) => {
  for (const a of document.querySelectorAll('nav.top a')) {
    const p = a.getAttribute('href').slice(1).split('?')[0];
    a.classList.toggle('current', p === '/' ? path === '/' : path.startsWith(p));
  }
  window.scrollTo(0, 0);
});
