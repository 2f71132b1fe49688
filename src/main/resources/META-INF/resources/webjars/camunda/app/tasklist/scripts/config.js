// Tasklist as the city's clerks use it. Replaces the default app/tasklist/scripts/config.js of
// the Camunda webapp; options not set here keep Camunda's defaults.
export default {
  // Traditional Chinese (locales/zh.json) for browsers set to Chinese, English for the others.
  // Tasklist picks the locale from the browser's first language: zh-TW and zh-Hant both give "zh".
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD dddd HH:mm',
    abbr: 'MM-DD HH:mm',
    short: 'YYYY-MM-DD'
  },
  // Lists open with the earliest due date first (custom/due-date-first.js).
  customScripts: ['custom/due-date-first'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
