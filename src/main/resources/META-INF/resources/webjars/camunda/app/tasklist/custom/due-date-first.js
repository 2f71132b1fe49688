// Tasklist sorts a list by creation date unless its address says otherwise. A clerk's first
// question is what falls due first, so when Tasklist opens on an address without a sorting (a
// bookmark, a link to a task) it opens with "due date, earliest first". This runs before Tasklist
// reads the address; from then on Tasklist keeps the sorting in the address, including one the
// clerk picks in the list header.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

const hash = window.location.hash.replace(/^#!?/, '');
const at = hash.indexOf('?');
const path = (at < 0 ? hash : hash.slice(0, at)) || '/';
const query = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
if (!query.has('sorting')) {
  query.set('sorting', DUE_DATE_FIRST);
  window.history.replaceState(window.history.state, '', '#' + path + '?' + query.toString());
}

// No Tasklist plugin, only the behaviour above.
export default [];
