// Tasklist sorts a list by creation date unless the address says otherwise. A clerk's first
// question is what falls due first, so an address without a sorting gets "due date, earliest
// first"; a sorting the clerk picks in the list header is kept as it is.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function dueDateFirst() {
  const hash = window.location.hash.replace(/^#!?/, '');
  const at = hash.indexOf('?');
  const path = (at < 0 ? hash : hash.slice(0, at)) || '/';
  const query = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (!query.has('sorting')) {
    query.set('sorting', DUE_DATE_FIRST);
    window.history.replaceState(window.history.state, '', '#' + path + '?' + query.toString());
  }
}

dueDateFirst();
window.addEventListener('hashchange', dueDateFirst);

// No Tasklist plugin, only the behaviour above.
export default [];
